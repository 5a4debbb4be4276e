// The plumbing every load script needs: its --name N options, the child processes it must stop on any
// exit, and percentiles of fractional-millisecond latencies (autocannon's histogram keeps whole ms).

/**
 * Whole-number options such as --duration 60 or --warmup=3 (seconds unless the spec names a `unit`;
 * a default of 0 with min 1 means "off unless given").
 * @template {Record<string, { default: number; min: number; unit?: string }>} T
 * @param {string[]} argv
 * @param {T} spec
 * @param {string} usage
 * @returns {{ [K in keyof T]: number }}
 */
export function parseWholeNumbers(argv, spec, usage) {
  /** @type {Record<string, string>} */
  const values = Object.fromEntries(Object.entries(spec).map(([name, { default: value }]) => [name, String(value)]));
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i] ?? '');
    if (!match || !(match[1] in spec)) throw new Error(`unknown argument "${argv[i]}" (usage: ${usage})`);
    values[match[1] ?? ''] = match[2] ?? argv[++i] ?? '';
  }
  /** @type {Record<string, number>} */
  const parsed = {};
  for (const [name, { min, default: fallback, unit = 'seconds' }] of Object.entries(spec)) {
    const value = values[name] ?? '';
    if (!/^\d{1,5}$/.test(value) || (Number(value) < min && Number(value) !== fallback))
      throw new Error(`--${name} takes whole ${unit} from ${min} to 99999, not "${value}"`);
    parsed[name] = Number(value);
  }
  return /** @type {{ [K in keyof T]: number }} */ (parsed);
}

/** @type {import('node:child_process').ChildProcess[]} */
export const children = [];

/** SIGTERM, then SIGKILL after 15 s. @param {import('node:child_process').ChildProcess} child @returns {Promise<void>} */
export function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export const stopAll = () => Promise.all(children.map(stopChild));

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

/** @param {ArrayLike<number>} sorted @param {number} p */
export function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * The rate limit a load script runs the server with: the limiter on (so its cost is in the figures) at
 * a million requests a second per client, which one load client on loopback never reaches. The
 * environment's SANDBOX_RATE_LIMIT wins, e.g. `SANDBOX_RATE_LIMIT=off npm run bench:sandbox` to compare.
 */
export const BENCH_RATE_LIMIT = process.env.SANDBOX_RATE_LIMIT || '1000000/1s,burst=1000000';
