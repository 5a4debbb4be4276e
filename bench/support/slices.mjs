// How bench:sandbox loads a server: autocannon in short slices taken in turn, each side's totals, its
// latencies (fractional ms, from each response event: autocannon's own histogram keeps whole ms only)
// and the serving process's CPU time around every slice (bench/support/cpu.mjs).
import autocannon from 'autocannon';
import { cpuMilliseconds } from './cpu.mjs';
import { percentile } from './runner.mjs';

const PIPELINING = 1;

/**
 * One side of a row: the sandbox or the raw server replaying the row's response.
 * @typedef {import('./sandbox-rows.mjs').Row} Row
 * @typedef {{ row: Row; side: 'sandbox' | 'raw'; baseUrl: string; pid: number | undefined; perConnection?: Row['perConnection'] }} Target
 */

/** @param {Target} target */
function tally(target) {
  return {
    ...target,
    seconds: 0,
    total: 0,
    cpuMs: 0,
    errors: 0,
    statuses: new Map(),
    latencies: /** @type {number[]} */ ([]),
    sliceRates: /** @type {number[]} */ ([]),
  };
}

/** @param {Target} target @param {number} duration */
async function load(target, duration) {
  const { method, path, headers, body } = target.row.request;
  const setupConnection = target.perConnection && (await target.perConnection(target.baseUrl, target.row.connections));
  /** @type {number[]} */
  const latencies = [];
  const result = await autocannon({
    url: new URL(path, target.baseUrl).href,
    method,
    headers,
    body,
    connections: target.row.connections,
    pipelining: PIPELINING,
    duration,
    setupClient: (client) => {
      setupConnection?.(client);
      client.on('response', (status, bytes, milliseconds) => latencies.push(milliseconds));
    },
  });
  return { result, latencies };
}

/** @param {ReturnType<typeof tally>} side @param {number} seconds */
async function runSlice(side, seconds) {
  const cpuBefore = side.pid === undefined ? Number.NaN : cpuMilliseconds(side.pid);
  const { result, latencies } = await load(side, seconds);
  side.cpuMs += (side.pid === undefined ? Number.NaN : cpuMilliseconds(side.pid)) - cpuBefore;
  let total = 0;
  for (const [status, { count }] of Object.entries(result.statusCodeStats)) {
    side.statuses.set(Number(status), (side.statuses.get(Number(status)) ?? 0) + count);
    total += count;
  }
  side.total += total;
  side.seconds += result.duration;
  side.errors += result.errors;
  for (const latency of latencies) side.latencies.push(latency);
  side.sliceRates.push(total / result.duration);
}

/** @param {ReturnType<typeof tally>} side */
function summarise(side) {
  const latencies = Float64Array.from(side.latencies).sort();
  const statuses = [...side.statuses].sort(([a], [b]) => a - b);
  return {
    ...side,
    latencies: undefined,
    rate: side.total / side.seconds,
    cpuPerRequest: (side.cpuMs * 1000) / side.total,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    unexpected: statuses.filter(([status]) => status !== side.row.expected).reduce((sum, [, count]) => sum + count, 0),
    statusText: statuses.map(([status, count]) => `${status}×${count}`).join(' '),
  };
}

/**
 * Warms every side up, then measures in slices: each round takes the rows in turn (starting one row later
 * than the round before), a row's two sides back to back (which one first alternating by round), so that
 * load from other processes on a shared machine falls on a row's sandbox and raw figures alike.
 * @param {[Target, Target][]} pairs sandbox, raw
 * @param {{ duration: number; warmup: number; sliceSeconds: number }} options
 */
export async function measurePairs(pairs, { duration, warmup, sliceSeconds }) {
  const sides = pairs.map(([sandbox, raw]) => [tally(sandbox), tally(raw)]);
  if (warmup > 0) for (const pair of sides) for (const side of pair) await load(side, warmup);
  for (let round = 0; round < duration; round++) {
    for (let i = 0; i < sides.length; i++) {
      const [sandbox, raw] = sides[(round + i) % sides.length] ?? [];
      if (!sandbox || !raw) continue;
      for (const side of round % 2 === 0 ? [sandbox, raw] : [raw, sandbox]) await runSlice(side, sliceSeconds);
    }
  }
  return sides.map(([sandbox, raw]) => ({ sandbox: summarise(sandbox), raw: summarise(raw) }));
}
