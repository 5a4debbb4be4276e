// npm run bench:sandbox [-- --duration N] [--warmup N] [--only id,...]: throughput, latency and server CPU
// of the sandbox in the production server (server.ts: node:http straight into the engine), row by row
// (issue #23; the rows are in bench/support/sandbox-rows.mjs), each beside its own floor: a bare node:http
// listener replaying that row's very response (bench/raw-replay-server.mjs), captured from the sandbox at
// start: status, field lines in order with repeated ones apart, body, minus the fields node:http writes
// per connection. All in one run with autocannon, pipelining 1.
// Every side is warmed up for --warmup seconds (default 2): a freshly started server is several times slower
// for its first seconds while V8 compiles the hot paths. The --duration seconds (default 8) are then taken
// in 1 s slices, the rows in turn and a row's two sides back to back, so background load hits all alike.
// Goals are per row (× raw, or a p50 for the exchange); falling short is reported as BELOW, not failed.
// The exit code is 1 only when a side had errors or a status other than its row expects (INVALID).
// --only takes row ids or parts of them, comma-separated (e.g. --only digest,token), for profiling.
// Builds first when there is no production build.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startServer } from '../scripts/serve-build.mjs';
import { request } from './support/sandbox-client.mjs';
import { BENCH_RATE_LIMIT, children, parseWholeNumbers, stopAll } from './support/runner.mjs';
import { LONG_TOKEN_SECONDS, captureRow, describeRequest, sandboxRows } from './support/sandbox-rows.mjs';
import { measurePairs } from './support/slices.mjs';
import { printTable, rateLimitLine, verdict } from './support/sandbox-report.mjs';

const SLICE_SECONDS = 1;
/** Fixed and at least 32 characters, so the server neither warns nor refuses it. */
const SANDBOX_SECRET = 'bench-sandbox-fixed-secret-0123456789abcdef';
const RAW_SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'raw-replay-server.mjs');
/** Fields node:http writes itself on every response; the raw server must not send them twice. */
const PER_CONNECTION_FIELDS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const USAGE = 'npm run bench:sandbox -- [--duration N] [--warmup N] [--only id,...] [--raw-at-turn-end]';

/** --only id,... and --raw-at-turn-end apart from the whole-number options. @param {string[]} argv */
function splitOptions(argv) {
  const rest = [];
  /** @type {string[]} */
  let only = [];
  let rawAtTurnEnd = false;
  for (let i = 0; i < argv.length; i++) {
    const match = /^--only(?:=(.*))?$/.exec(argv[i] ?? '');
    if (argv[i] === '--raw-at-turn-end') rawAtTurnEnd = true;
    else if (!match) rest.push(argv[i] ?? '');
    else only = (match[1] ?? argv[++i] ?? '').split(',').filter(Boolean);
  }
  return { rest, only, rawAtTurnEnd };
}

/**
 * One raw server process, one listener per response, ports in the same order.
 * @param {{ status: number; headers: [string, string][]; body: string }[]} responses
 * @param {boolean} atTurnEnd whether the raw server writes its answers at the end of the loop turn, as the lab does
 * @returns {Promise<{ baseUrls: string[]; pid: number | undefined }>}
 */
function startRawServer(responses, atTurnEnd) {
  const env = { ...process.env, RAW_REPLAY_AT_TURN_END: atTurnEnd ? '1' : '' };
  const child = spawn(process.execPath, [RAW_SERVER], { stdio: ['pipe', 'pipe', 'inherit'], env });
  children.push(child);
  child.stdin.end(JSON.stringify(responses));
  return new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => {
      const { ports } = JSON.parse(line);
      resolve({ baseUrls: ports.map((/** @type {number} */ port) => `http://127.0.0.1:${port}`), pid: child.pid });
    });
    child.once('exit', (code) => reject(new Error(`the raw server exited with code ${code}`)));
    child.once('error', reject);
  });
}

let failed = false;
try {
  const { rest, only, rawAtTurnEnd } = splitOptions(process.argv.slice(2));
  const { duration, warmup } = parseWholeNumbers(rest, { duration: { default: 8, min: 1 }, warmup: { default: 2, min: 0 } }, USAGE);
  const server = await startServer({ SANDBOX_SECRET, SANDBOX_RATE_LIMIT: BENCH_RATE_LIMIT });
  children.push(server.child);

  const allRows = await sandboxRows(server.baseUrl);
  const rows = allRows.filter((row) => only.length === 0 || only.some((part) => row.id.includes(part)));
  if (rows.length === 0) throw new Error(`--only ${only.join(',')} matches no row; the rows: ${allRows.map((row) => row.id).join(', ')}`);
  const runSeconds = rows.length * 2 * (warmup + duration * SLICE_SECONDS);
  if (runSeconds > LONG_TOKEN_SECONDS / 2) throw new Error(`a run of about ${runSeconds} s would outlive the Bearer row's token (${LONG_TOKEN_SECONDS} s)`);

  // Each row's own response from the sandbox, which the raw server then replays byte for byte.
  const captured = [];
  for (const row of rows) {
    const response = await captureRow(row, server.baseUrl);
    if (response.status !== row.expected)
      throw new Error(`INVALID: ${row.id} answered ${response.status} at start, not ${row.expected}: ${response.body.slice(0, 300)}`);
    captured.push({
      status: response.status,
      headers: response.headers.filter(([name]) => !PER_CONNECTION_FIELDS.has(name.toLowerCase())),
      body: response.body,
    });
  }
  const raw = await startRawServer(captured, rawAtTurnEnd);
  for (const [i, row] of rows.entries()) {
    const copy = await request(new URL(row.request.path, raw.baseUrls[i]), {
      method: row.request.method,
      headers: row.request.headers,
      body: row.request.body,
    });
    if (copy.status !== captured[i]?.status || copy.body !== captured[i]?.body) throw new Error(`the raw server does not replay ${row.id}'s response`);
  }

  const cpus = os.cpus();
  console.log(
    `node ${process.version}, ${os.availableParallelism?.() ?? cpus.length} CPUs (${cpus[0]?.model.trim() ?? 'unknown'}), ${os.platform()} ${os.arch()}, load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} before the run`,
  );
  console.log(`sandbox rate limit: ${BENCH_RATE_LIMIT} (SANDBOX_RATE_LIMIT; all load comes from one client address)`);
  console.log(
    rawAtTurnEnd
      ? 'raw replay: writes its answers together at the end of each loop turn, as the lab does (--raw-at-turn-end)'
      : 'raw replay: writes each answer at once, as node:http does by default (the lab writes a loop turn’s answers together at its end)',
  );
  console.log(
    `autocannon, pipelining 1: ${duration} s per side in ${SLICE_SECONDS} s slices taken in turn, after a ${warmup} s warm-up each (about ${Math.round(runSeconds / 60)} min); client and servers share the machine`,
  );
  for (const [i, row] of rows.entries()) {
    console.log(
      `  ${row.id.padEnd(18)} ${row.connections} conn., ${describeRequest(row)}: ${row.what}; ${Buffer.byteLength(captured[i]?.body ?? '')} B body replayed`,
    );
  }
  console.log('');

  const results = await measurePairs(
    rows.map((row, i) => [
      { row, side: 'sandbox', baseUrl: server.baseUrl, pid: server.child.pid, perConnection: row.perConnection },
      { row, side: 'raw', baseUrl: raw.baseUrls[i] ?? '', pid: raw.pid },
    ]),
    { duration, warmup, sliceSeconds: SLICE_SECONDS },
  );
  printTable(results);
  console.log('');
  console.log(rateLimitLine(results, BENCH_RATE_LIMIT));
  for (const { sandbox, raw: floor } of results) {
    if (verdict({ sandbox, raw: floor }) !== 'INVALID') continue;
    failed = true;
    for (const side of [sandbox, floor])
      console.error(
        `INVALID: ${side.row.id}, ${side.side}: ${side.total} responses (${side.statusText || 'none'}), ${side.errors} errors; expected ${side.row.expected}`,
      );
  }
} catch (error) {
  failed = true;
  console.error(`bench:sandbox failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await stopAll();
}
process.exitCode = failed ? 1 : 0;
