// What bench:sandbox prints: one table of every row's sandbox and raw figures against the row's goal,
// and a check that the sandbox's rate limiter (on during the run) stayed out of the load's reach.

/** @typedef {Awaited<ReturnType<typeof import('./slices.mjs').measurePairs>>[number]} Pair */

/** @param {Pair} pair */
const rateRatio = ({ sandbox, raw }) => sandbox.rate / raw.rate;

/** @param {Pair} pair @returns {'PASS' | 'BELOW' | 'INVALID'} */
export function verdict({ sandbox, raw }) {
  for (const side of [sandbox, raw]) if (side.total === 0 || side.unexpected > 0 || side.errors > 0) return 'INVALID';
  const { goal } = sandbox.row;
  if (goal.kind === 'p50') return sandbox.p50 < goal.belowMs ? 'PASS' : 'BELOW';
  return rateRatio({ sandbox, raw }) >= goal.min ? 'PASS' : 'BELOW';
}

/** @param {import('./sandbox-rows.mjs').Goal} goal */
const goalText = (goal) => (goal.kind === 'p50' ? `p50 < ${goal.belowMs} ms` : `≥ ${goal.min}× raw`);
/** @param {number} value */
const cpu = (value) => (Number.isNaN(value) ? 'n/a' : value.toFixed(1));
/** @param {{ p50: number; p99: number }} side */
const latency = ({ p50, p99 }) => `${p50.toFixed(2)} / ${p99.toFixed(2)}`;

/** The per-round spread of the rate ratio: how much the machine's other load moved it. @param {Pair} pair */
function rounds({ sandbox, raw }) {
  const ratios = sandbox.sliceRates.map((rate, round) => rate / (raw.sliceRates[round] ?? Number.NaN));
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}`;
}

/** @param {Pair[]} pairs */
export function printTable(pairs) {
  /** @type {[string, number, (pair: Pair, index: number) => string | number][]} */
  const columns = [
    ['row', Math.max(...pairs.map(({ sandbox }) => sandbox.row.id.length)) + 5, ({ sandbox }, index) => `${String(index + 1).padStart(2)} ${sandbox.row.id}`],
    ['expect', 7, ({ sandbox }) => sandbox.row.expected],
    ['conn', 6, ({ sandbox }) => sandbox.row.connections],
    ['sandbox/s', 11, ({ sandbox }) => Math.round(sandbox.rate)],
    ['raw/s', 9, ({ raw }) => Math.round(raw.rate)],
    ['× raw', 8, (pair) => rateRatio(pair).toFixed(2)],
    ['rounds', 12, rounds],
    ['goal', 15, ({ sandbox }) => goalText(sandbox.row.goal)],
    ['', 9, verdict],
    ['sandbox p50/p99 ms', 20, ({ sandbox }) => latency(sandbox)],
    ['raw p50/p99 ms', 16, ({ raw }) => latency(raw)],
    ['CPU µs sandbox', 16, ({ sandbox }) => cpu(sandbox.cpuPerRequest)],
    ['raw', 7, ({ raw }) => cpu(raw.cpuPerRequest)],
  ];
  const cell = (/** @type {string | number} */ value, /** @type {number} */ width, /** @type {number} */ index) =>
    index === 0 ? String(value).padEnd(width) : String(value).padStart(width);
  console.log(columns.map(([title, width], index) => cell(title, width, index)).join(''));
  for (const [row, pair] of pairs.entries()) console.log(columns.map(([, width, value], index) => cell(value(pair, row), width, index)).join(''));
  console.log("(× raw: sandbox req/s over its raw replay's; rounds: that ratio's range over the 1 s rounds; CPU: server user + system µs per request)");
}

/**
 * The limiter is on during the run (BENCH_RATE_LIMIT), at a rate no slice may come near: a refused request
 * would be a 429, counted as unexpected, but a limit just out of reach would still be worth knowing.
 * @param {Pair[]} pairs @param {string} setting
 */
export function rateLimitLine(pairs, setting) {
  const highest = Math.max(...pairs.flatMap(({ sandbox }) => sandbox.sliceRates));
  const match = /^(\d+)\/(\d+)s(?:,burst=(\d+))?$/.exec(setting.trim());
  if (!match) return `sandbox rate limit ${setting}: highest sandbox slice ${Math.round(highest)} req/s`;
  const perSecond = Number(match[1]) / Number(match[2]);
  const share = (highest / perSecond) * 100;
  return `sandbox rate limit ${setting}: highest sandbox slice ${Math.round(highest)} req/s, ${share.toFixed(1)} % of its ${perSecond} req/s per client: ${share < 50 ? 'out of reach' : 'WITHIN REACH, raise BENCH_RATE_LIMIT'}`;
}
