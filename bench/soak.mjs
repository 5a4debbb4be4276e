// npm run bench:soak [-- --duration N] [--warmup N] [--max-old-space MiB]: a long run of mixed load against the production
// server (server.ts via scripts/serve-build.mjs) with autocannon, to show it neither fails nor leaks.
// Ten connections, each repeating one conversation:
//   2 × Basic challenge:   GET /api/sandbox/basic, no credentials → 401
//   3 × Digest round trip: GET /api/sandbox/digest?algorithm=SHA-256 → 401 with a fresh nonce, then
//                          DIGEST_REUSE requests signed with it, nc 1, 2, ... → 200 each (RFC 7616 §3.4)
//   3 × Bearer:            POST /api/sandbox/token (client credentials) → 200 with a token, then
//                          GET /api/sandbox/bearer?scope=read with that token → 200 (RFC 6749 §4.4, 6750)
//   2 × exchange:          POST /api/exchange, the playground's auto mode on the Digest scenario → 200
// Every cycle asks for a new nonce or token, so a server that remembered each one (replay counters,
// issued tokens, rate counters) would grow for as long as the load lasts: that is what the memory
// figures catch. Prints requests/s, p50/p99, statuses per conversation, errors, and the server's
// resident memory (VmRSS) after the warm-up and at the end. Exit 1 on any error or unexpected status.
// --max-old-space MiB caps the server's V8 old generation, to tell a leak from a lazily grown heap.
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import { serverNodeFlags, startServer } from '../scripts/serve-build.mjs';
import { BEARER_PATH, CLIENT_BASIC, DIGEST_URI, TOKEN_FORM, TOKEN_PATH, digestParams, digestSignerFor } from './support/sandbox-client.mjs';
import { BENCH_RATE_LIMIT, children, parseWholeNumbers, percentile, stopAll } from './support/runner.mjs';

const SANDBOX_SECRET = 'bench-soak-fixed-secret-0123456789abcdef';
const DIGEST_REUSE = 10;
const MEMORY_GOAL_PERCENT = 10;
const SAMPLE_SECONDS = 5;
const EXCHANGE_BODY = JSON.stringify({ request: { method: 'GET', target: DIGEST_URI }, mode: 'auto' });

/**
 * @typedef {{ status: number; body: string; headers: Record<string, string | string[]> }} Seen
 * @typedef {{ name: string; connections: number; requests: (tally: (step: string, expected: number) => (status: number) => void) => object[] }} Conversation
 */

/** @type {Conversation[]} */
const CONVERSATIONS = [
  {
    name: 'Basic challenge (401)',
    connections: 2,
    requests: (tally) => [{ method: 'GET', path: '/api/sandbox/basic', onResponse: tally('challenge', 401) }],
  },
  {
    name: `Digest round trip (401, then ${DIGEST_REUSE} × 200)`,
    connections: 3,
    requests: (tally) => {
      const challenged = tally('challenge', 401);
      const answered = tally('signed', 200);
      return [
        {
          method: 'GET',
          path: DIGEST_URI,
          onResponse: (
            /** @type {number} */ status,
            /** @type {string} */ body,
            /** @type {Record<string, unknown>} */ context,
            /** @type {Record<string, string | string[]>} */ headers,
          ) => {
            challenged(status);
            const fields = [headers['www-authenticate'] ?? headers['WWW-Authenticate'] ?? []].flat();
            const challenge = fields.filter((value) => /^Digest\s/i.test(value)).map(digestParams)[0];
            if (challenge?.nonce && challenge.realm)
              context.sign = digestSignerFor({ realm: challenge.realm, nonce: challenge.nonce, opaque: challenge.opaque });
          },
        },
        ...Array.from({ length: DIGEST_REUSE }, () => ({
          method: 'GET',
          path: DIGEST_URI,
          setupRequest: (/** @type {{ headers?: object }} */ request, /** @type {{ sign?: () => string }} */ context) => ({
            ...request,
            headers: { ...request.headers, ...(context.sign ? { Authorization: context.sign() } : {}) },
          }),
          onResponse: answered,
        })),
      ];
    },
  },
  {
    name: 'Bearer token issue (200) and use (200)',
    connections: 3,
    requests: (tally) => {
      const issued = tally('issue', 200);
      return [
        {
          method: 'POST',
          path: TOKEN_PATH,
          headers: { Authorization: CLIENT_BASIC, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: TOKEN_FORM,
          onResponse: (/** @type {number} */ status, /** @type {string} */ body, /** @type {Record<string, unknown>} */ context) => {
            issued(status);
            if (status === 200) context.token = JSON.parse(body).access_token;
          },
        },
        {
          method: 'GET',
          path: BEARER_PATH,
          setupRequest: (/** @type {{ headers?: object }} */ request, /** @type {{ token?: string }} */ context) => ({
            ...request,
            headers: { ...request.headers, ...(context.token ? { Authorization: `Bearer ${context.token}` } : {}) },
          }),
          onResponse: tally('use', 200),
        },
      ];
    },
  },
  {
    name: 'POST /api/exchange, auto Digest (200)',
    connections: 2,
    requests: (tally) => [
      { method: 'POST', path: '/api/exchange', headers: { 'Content-Type': 'application/json' }, body: EXCHANGE_BODY, onResponse: tally('exchange', 200) },
    ],
  },
];

// ---- the server's memory --------------------------------------------------------------------------

/** Resident set size in MiB, from /proc/<pid>/status. @param {number} pid */
function residentMiB(pid) {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

// ---- load ---------------------------------------------------------------------------------------

/**
 * One autocannon run of the whole mix. Connections are handed out to the conversations in order; each
 * records its statuses per step and its latencies (fractional ms, from the client's 'response' event).
 * @param {string} baseUrl @param {number} duration @param {() => void} [onTick]
 */
async function runMix(baseUrl, duration, onTick) {
  const stats = CONVERSATIONS.map((conversation) => ({ conversation, statuses: new Map(), unexpected: 0, latencies: /** @type {number[]} */ ([]) }));
  const plan = stats.flatMap((stat) => Array.from({ length: stat.conversation.connections }, () => stat));
  const connections = plan.length;
  let handedOut = 0;
  const ticker = onTick && setInterval(() => onTick(), SAMPLE_SECONDS * 1000);
  const instance = autocannon({
    url: baseUrl,
    connections,
    pipelining: 1,
    duration,
    setupClient: (client) => {
      const stat = plan[handedOut++ % connections];
      if (!stat) throw new Error('no conversation for this connection');
      /** @param {string} step @param {number} expected */
      const tally = (step, expected) => (/** @type {number} */ status) => {
        const key = `${step} ${status}`;
        stat.statuses.set(key, (stat.statuses.get(key) ?? 0) + 1);
        if (status !== expected) stat.unexpected += 1;
      };
      client.setRequests(stat.conversation.requests(tally));
      client.on('response', (/** @type {number} */ status, /** @type {number} */ bytes, /** @type {number} */ milliseconds) =>
        stat.latencies.push(milliseconds),
      );
    },
  });
  const result = await instance;
  if (ticker) clearInterval(ticker);
  return { result, stats };
}

function summary({ result, stats }) {
  const all = Float64Array.from(stats.flatMap((stat) => stat.latencies)).sort();
  return {
    requests: all.length,
    rate: all.length / result.duration,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    errors: result.errors + result.timeouts,
    unexpected: stats.reduce((sum, stat) => sum + stat.unexpected, 0),
    rows: stats.map((stat) => {
      const sorted = Float64Array.from(stat.latencies).sort();
      return {
        name: stat.conversation.name,
        connections: stat.conversation.connections,
        rate: sorted.length / result.duration,
        p99: percentile(sorted, 99),
        statuses: [...stat.statuses]
          .sort()
          .map(([key, count]) => `${key}×${count}`)
          .join(', '),
        unexpected: stat.unexpected,
      };
    }),
  };
}

// ---- main ---------------------------------------------------------------------------------------

let failed = false;
try {
  const options = parseWholeNumbers(
    process.argv.slice(2),
    { duration: { default: 60, min: 5 }, warmup: { default: 10, min: 1 }, 'max-old-space': { default: 0, min: 16, unit: 'MiB' } },
    'npm run bench:soak -- [--duration N] [--warmup N] [--max-old-space MiB]',
  );
  const maxOldSpace = options['max-old-space'];
  // The server runs with npm start's Node flags (its old-space cap) unless --max-old-space sets another
  // cap: V8 grows its heap lazily while memory is plentiful, so RSS alone cannot tell a leak from a heap
  // that was merely allowed to grow. Under a cap, a leak ends in an out-of-memory crash (errors here);
  // garbage that is only collected late does not.
  const nodeFlags = maxOldSpace > 0 ? [`--max-old-space-size=${maxOldSpace}`] : serverNodeFlags();
  const server = await startServer({ SANDBOX_SECRET, SANDBOX_RATE_LIMIT: BENCH_RATE_LIMIT }, { nodeFlags });
  children.push(server.child);
  const { duration, warmup } = options;
  // The child is the server itself (npm start's `node`, no launcher): its memory is the server's.
  const pid = server.child.pid;

  const cpus = os.cpus();
  console.log(
    `node ${process.version}, ${os.availableParallelism?.() ?? cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), load average ${os.loadavg()[0]?.toFixed(2)} before the run; server Node flags: ${nodeFlags.join(' ') || '(none)'}`,
  );
  console.log(`sandbox rate limit: ${BENCH_RATE_LIMIT} (one client address, so one bucket however long it runs)`);
  console.log(
    `server pid ${pid}; ${CONVERSATIONS.reduce((sum, c) => sum + c.connections, 0)} connections, ${warmup} s warm-up, then ${duration} s measured; client and server share the machine`,
  );

  const rssBeforeWarmup = residentMiB(pid);
  const warm = summary(await runMix(server.baseUrl, warmup));
  const rssStart = residentMiB(pid);
  const samples = [rssStart];
  const measured = summary(await runMix(server.baseUrl, duration, () => samples.push(residentMiB(pid))));
  // Let in-flight work settle before the last sample, as a deployment would between bursts.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssEnd = residentMiB(pid);
  samples.push(rssEnd);
  const growth = ((rssEnd - rssStart) / rssStart) * 100;

  console.log('');
  console.log(`${'conversation'.padEnd(44)}${'conns'.padStart(6)}${'req/s'.padStart(8)}${'p99 ms'.padStart(9)}  statuses (step status×count)`);
  for (const row of measured.rows) {
    console.log(
      `${row.name.padEnd(44)}${String(row.connections).padStart(6)}${Math.round(row.rate).toString().padStart(8)}${row.p99.toFixed(2).padStart(9)}  ${row.statuses}`,
    );
  }
  console.log('');
  console.log(
    `all: ${measured.requests} requests in ${duration} s, ${Math.round(measured.rate)} req/s, p50 ${measured.p50.toFixed(2)} ms, p99 ${measured.p99.toFixed(2)} ms`,
  );
  console.log(
    `errors: ${measured.errors} (socket errors and timeouts), unexpected statuses: ${measured.unexpected} (both must be 0; warm-up: ${warm.errors} and ${warm.unexpected})`,
  );
  console.log(
    `server VmRSS: ${rssBeforeWarmup.toFixed(1)} MiB at start-up, ${rssStart.toFixed(1)} MiB after the warm-up, ${rssEnd.toFixed(1)} MiB at the end (samples every ${SAMPLE_SECONDS} s: ${samples.map((mib) => mib.toFixed(0)).join(' ')})`,
  );
  console.log(`memory growth: ${growth.toFixed(1)} % (goal < ${MEMORY_GOAL_PERCENT} %)  ${growth < MEMORY_GOAL_PERCENT ? 'PASS' : 'ABOVE'}`);
  if (measured.errors + measured.unexpected + warm.errors + warm.unexpected > 0 || measured.requests === 0) {
    failed = true;
    console.error('FAILED: errors or unexpected statuses (see above)');
  }
} catch (error) {
  failed = true;
  console.error(`bench:soak failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await stopAll();
}
process.exitCode = failed ? 1 : 0;
