// npm run bench:sandbox [-- --duration N] [--warmup N]: throughput and latency of the sandbox in the production server
// (server.ts: node:http straight into the engine), beside a bare node:http server that sends the very
// same 401 (bench/raw-401-server.mjs), all in one run with autocannon (10 connections, pipelining 1):
//   1. the raw server's 401 (the floor),
//   2. GET /api/sandbox/basic without credentials: the 401 challenge (a client's first request; its
//      answer never changes, so server.ts sends bytes the engine prepared at start-up),
//   3. GET /api/sandbox/basic with a wrong password: a 401 decided by the engine on every request,
//   4. GET /api/sandbox/digest?algorithm=SHA-256 with valid Digest credentials: 200.
// Each scenario first runs unmeasured for --warmup seconds (default 3): a freshly started server is
// several times slower for its first seconds while V8 compiles the hot paths. The --duration seconds
// (default 10) are then taken in 1 s slices, the scenarios in turn, so background load hits all alike.
// Goal: the sandbox's 401 rate is at least 0.8 of the raw server's. Falling short is reported, not failed;
// the exit code is 1 only when a scenario had errors or a status other than the one it expects.
// Builds first when there is no production build.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { cpuMilliseconds } from './support/cpu.mjs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startServer } from '../scripts/serve-build.mjs';
import { DIGEST_URI, digestConnections, digestSigner, fieldValues, get } from './support/sandbox-client.mjs';
import { BENCH_RATE_LIMIT, children, parseWholeNumbers, percentile, stopAll } from './support/runner.mjs';

const CONNECTIONS = 10;
const PIPELINING = 1;
const SLICE_SECONDS = 1;
const GOAL = 0.8;
/** Fixed and at least 32 characters, so the server neither warns nor refuses it. */
const SANDBOX_SECRET = 'bench-sandbox-fixed-secret-0123456789abcdef';
const BASIC_PATH = '/api/sandbox/basic';
/** base64("alice:not-the-password"): a well-formed Basic answer the engine refuses with 401. */
const WRONG_BASIC = `Basic ${Buffer.from('alice:not-the-password').toString('base64')}`;
const RAW_SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'raw-401-server.mjs');
/** Fields node:http writes itself on every response; the raw server must not send them twice. */
const PER_CONNECTION_FIELDS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

// ---- processes ---------------------------------------------------------------------------------

function startRawServer(response) {
  const child = spawn(process.execPath, [RAW_SERVER], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RAW_RESPONSE: JSON.stringify(response) },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => resolve({ url: `http://127.0.0.1:${JSON.parse(line).port}`, pid: child.pid }));
    child.once('exit', (code) => reject(new Error(`the raw server exited with code ${code}`)));
    child.once('error', reject);
  });
}

// ---- measuring ---------------------------------------------------------------------------------------

/**
 * One autocannon run. Latencies are recorded here from each client's 'response' event (fractional
 * milliseconds; autocannon's own histogram keeps whole milliseconds only). `setupConnection` may give a
 * connection its own requests: Digest needs a nonce per connection, because with one shared nonce the
 * connections' nc values would reach the server out of order and be refused as replays.
 */
async function load({ url, headers, duration, setupConnection }) {
  const latencies = [];
  const result = await autocannon({
    url,
    headers,
    connections: CONNECTIONS,
    pipelining: PIPELINING,
    duration,
    setupClient: (client) => {
      setupConnection?.(client);
      client.on('response', (status, bytes, milliseconds) => latencies.push(milliseconds));
    },
  });
  return { result, latencies };
}

/** A scenario's running totals over its slices. */
function tally({ name, expected, url, headers, pid, prepare }) {
  return {
    name,
    expected,
    url,
    headers,
    pid,
    prepare,
    seconds: 0,
    total: 0,
    cpuMs: 0,
    non2xx: 0,
    errors: 0,
    statuses: new Map(),
    latencies: [],
    sliceRates: [],
  };
}

async function runSlice(scenario, seconds) {
  const setupConnection = scenario.prepare && (await scenario.prepare());
  const cpuBefore = cpuMilliseconds(scenario.pid);
  const { result, latencies } = await load({ url: scenario.url, headers: scenario.headers, duration: seconds, setupConnection });
  scenario.cpuMs += cpuMilliseconds(scenario.pid) - cpuBefore;
  let total = 0;
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    scenario.statuses.set(Number(status), (scenario.statuses.get(Number(status)) ?? 0) + count);
    total += count;
  }
  scenario.total += total;
  scenario.seconds += result.duration;
  scenario.non2xx += result.non2xx;
  scenario.errors += result.errors;
  for (const latency of latencies) scenario.latencies.push(latency);
  scenario.sliceRates.push(total / result.duration);
}

/**
 * Warms every scenario up, then measures them in 1 s slices taken in turn (the order rotating each
 * round), so that load from other processes on a shared machine falls on all scenarios alike instead
 * of on whichever happened to run while it lasted.
 */
async function measure(scenarios, { duration, warmup }) {
  if (warmup > 0)
    for (const scenario of scenarios)
      await load({ url: scenario.url, headers: scenario.headers, duration: warmup, setupConnection: scenario.prepare && (await scenario.prepare()) });
  for (let round = 0; round < duration; round++) {
    for (let i = 0; i < scenarios.length; i++) await runSlice(scenarios[(round + i) % scenarios.length], SLICE_SECONDS);
  }
  return scenarios.map((scenario) => {
    const latencies = Float64Array.from(scenario.latencies).sort();
    const statuses = [...scenario.statuses].sort(([a], [b]) => a - b);
    return {
      ...scenario,
      rate: scenario.total / scenario.seconds,
      cpuPerRequest: (scenario.cpuMs * 1000) / scenario.total,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      unexpected: statuses.filter(([status]) => status !== scenario.expected).reduce((sum, [, count]) => sum + count, 0),
      statusText: statuses.map(([status, count]) => `${status}×${count}`).join(' '),
    };
  });
}

function printTable(rows) {
  const columns = [
    ['scenario', Math.max(...rows.map((row) => row.name.length)) + 2, (row) => row.name],
    ['expect', 7, (row) => row.expected],
    ['req/s avg', 11, (row) => Math.round(row.rate)],
    ['p50 ms', 8, (row) => row.p50.toFixed(2)],
    ['p99 ms', 8, (row) => row.p99.toFixed(2)],
    ['CPU µs/req', 12, (row) => (Number.isNaN(row.cpuPerRequest) ? 'n/a' : row.cpuPerRequest.toFixed(1))],
    ['requests', 10, (row) => row.total],
    ['non-2xx', 9, (row) => row.non2xx],
    ['unexpected', 12, (row) => row.unexpected],
    ['errors', 8, (row) => row.errors],
  ];
  const cell = (value, width, index) => (index === 0 ? String(value).padEnd(width) : String(value).padStart(width));
  console.log(columns.map(([title, width], index) => cell(title, width, index)).join(''));
  for (const row of rows) console.log(columns.map(([, width, value], index) => cell(value(row), width, index)).join(''));
}

// ---- main ----------------------------------------------------------------------------------------

let failed = false;
try {
  const { duration, warmup } = parseWholeNumbers(
    process.argv.slice(2),
    { duration: { default: 10, min: 1 }, warmup: { default: 3, min: 0 } },
    'npm run bench:sandbox -- [--duration N] [--warmup N]',
  );
  const server = await startServer({ SANDBOX_SECRET, SANDBOX_RATE_LIMIT: BENCH_RATE_LIMIT });
  children.push(server.child);

  // The sandbox's real 401, byte for byte, becomes the raw server's only answer.
  const challenge = await get(new URL(BASIC_PATH, server.baseUrl));
  const wwwAuthenticate = fieldValues(challenge.headers, 'WWW-Authenticate');
  if (challenge.status !== 401 || wwwAuthenticate.join('\n') !== 'Basic realm="reports", charset="UTF-8"') {
    throw new Error(
      `GET ${BASIC_PATH} answered ${challenge.status} with WWW-Authenticate ${JSON.stringify(wwwAuthenticate)}, not the expected Basic challenge`,
    );
  }
  const rawServer = await startRawServer({
    status: challenge.status,
    headers: challenge.headers.filter(([name]) => !PER_CONNECTION_FIELDS.has(name.toLowerCase())),
    body: challenge.body,
  });
  const rawCopy = await get(rawServer.url);
  if (rawCopy.status !== 401 || rawCopy.body !== challenge.body) throw new Error('the raw server does not answer the sandbox 401');

  // Sanity check of the Digest computation before loading the server with it.
  const sign = await digestSigner(server.baseUrl);
  const probe = await get(new URL(DIGEST_URI, server.baseUrl), { Authorization: sign() });
  if (probe.status !== 200) throw new Error(`a signed Digest request got ${probe.status}, not 200: ${probe.body}`);

  const cpus = os.cpus();
  const load1 = os.loadavg()[0] ?? 0;
  console.log(
    `node ${process.version}, ${os.availableParallelism?.() ?? cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.platform()} ${os.arch()}, load average ${load1.toFixed(2)} before the run`,
  );
  console.log(`sandbox rate limit: ${BENCH_RATE_LIMIT} (SANDBOX_RATE_LIMIT; the load comes from one client address)`);
  console.log(
    `autocannon: ${CONNECTIONS} connections, pipelining ${PIPELINING}, ${duration} s per scenario in ${SLICE_SECONDS} s slices taken in turn, after a ${warmup} s warm-up each; client and servers share the machine`,
  );
  console.log('');

  const sandboxUrl = (pathname) => new URL(pathname, server.baseUrl).href;
  const rows = await measure(
    [
      tally({ name: 'raw node:http 401 (baseline)', expected: 401, url: rawServer.url, pid: rawServer.pid }),
      tally({ name: `sandbox GET ${BASIC_PATH} (401 challenge)`, expected: 401, url: sandboxUrl(BASIC_PATH), pid: server.child.pid }),
      tally({
        name: `sandbox GET ${BASIC_PATH}, wrong password (401 via engine)`,
        expected: 401,
        url: sandboxUrl(BASIC_PATH),
        headers: { Authorization: WRONG_BASIC },
        pid: server.child.pid,
      }),
      tally({
        name: `sandbox GET ${DIGEST_URI} (Digest, 200)`,
        expected: 200,
        url: sandboxUrl(DIGEST_URI),
        pid: server.child.pid,
        prepare: () => digestConnections(server.baseUrl, CONNECTIONS),
      }),
    ],
    { duration, warmup },
  );
  printTable(rows);

  const [raw, basic, engine401, digest] = rows;
  const ratio = basic.rate / raw.rate;
  console.log('');
  const roundRatios = basic.sliceRates.map((rate, round) => rate / (raw.sliceRates[round] ?? Number.NaN));
  const range = `${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)}`;
  console.log(`sandbox 401 / raw 401: ${ratio.toFixed(3)} (goal ≥ ${GOAL})  ${ratio >= GOAL ? 'PASS' : 'BELOW'}   (per round: ${range})`);
  if (!Number.isNaN(basic.cpuPerRequest)) {
    // Server CPU per request, beside the rates: it hardly moves with what else the machine is doing.
    console.log(
      `server CPU per 401: sandbox ${basic.cpuPerRequest.toFixed(1)} µs, raw ${raw.cpuPerRequest.toFixed(1)} µs (raw / sandbox ${(raw.cpuPerRequest / basic.cpuPerRequest).toFixed(2)})`,
    );
  }
  console.log(`sandbox 401 via engine (wrong password) / raw 401: ${(engine401.rate / raw.rate).toFixed(2)} (for information)`);
  console.log(`sandbox Digest 200 / raw 401: ${(digest.rate / raw.rate).toFixed(2)} (for information)`);
  console.log(`Digest non-200 responses: ${digest.unexpected} (must be 0)`);
  for (const row of rows) {
    if (row.total === 0 || row.unexpected > 0 || row.errors > 0) {
      failed = true;
      console.error(`INVALID: ${row.name}: ${row.total} responses (${row.statusText || 'none'}), ${row.errors} errors`);
    }
  }
} catch (error) {
  failed = true;
  console.error(`bench:sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await stopAll();
}
process.exitCode = failed ? 1 : 0;
