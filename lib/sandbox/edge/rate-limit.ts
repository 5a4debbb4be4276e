// A per-client token bucket for the public sandbox: each client may spend `burst` requests at once,
// and earns them back at `requests` per `seconds`. Pure: the clock is injected, nothing here knows
// about HTTP (server.ts answers a refusal with 429, RFC 6585 §4, and Retry-After, RFC 9110 §10.2.3).
//
// The bucket is kept as one number per client, the time at which it will be full again (the
// "theoretical arrival time" of the generic cell rate algorithm, which behaves exactly like a token
// bucket): a request is allowed when, after adding one token's worth of time, the bucket is still no
// more than `burst` tokens behind the clock. One Map lookup and a little arithmetic per request.
//
// Time is counted in whole units of 1/q ms, where one token takes exactly p units (p/q is
// seconds × 1000 / requests in lowest terms). Every value is then a whole number, exact in a double,
// so no rounding can let one request too many through or make Retry-After one second short.

export type RateLimitPolicy = {
  /** Tokens earned per `seconds`. */
  requests: number;
  seconds: number;
  /** The bucket's capacity: how many requests a client with a full bucket may send at once. */
  burst: number;
};

export type RateDecision = { kind: 'allowed' } | { kind: 'refused'; retryAfterSeconds: number };

export type RateLimiter = {
  /** Spends one token of `client`'s bucket, or says how many whole seconds until one is available. */
  take(client: string): RateDecision;
  /** How many clients' buckets are held now (never more than maxClients). */
  readonly trackedClients: number;
};

export type RateLimiterOptions = {
  /** A clock in whole milliseconds that never goes back (server.ts uses a monotonic one). */
  now: () => number;
  /** The most buckets held at once (default 10 000); see take() for what happens at the cap. */
  maxClients?: number;
};

export const DEFAULT_MAX_CLIENTS = 10_000;

const ALLOWED: RateDecision = Object.freeze({ kind: 'allowed' });
/** Past this many units since the epoch, the stored times are shifted down to stay exact (see rebase). */
const REBASE_AFTER_UNITS = 2 ** 52;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

export function createRateLimiter(policy: RateLimitPolicy, options: RateLimiterOptions): RateLimiter {
  const { requests, seconds, burst } = policy;
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`rate limit: ${name} must be a whole number of at least 1, not ${value}`);
  }
  const divisor = gcd(seconds * 1000, requests);
  /** Units per millisecond, and units per token: one token every p/q ms. */
  const q = requests / divisor;
  const p = (seconds * 1000) / divisor;
  /** How far ahead of the clock a bucket may run: `burst` tokens' worth. */
  const capacity = burst * p;
  const unitsPerSecond = q * 1000;
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  /**
   * client → the time (in units since `epoch`) at which its bucket is full again, in an object changed
   * in place (no Map write per request). Insertion order is the order of each client's last allowed
   * request, so the first entry is the least recently served; `newest` is the last entry, which needs
   * no moving (the common case: one busy client, or a class behind one address).
   */
  const full = new Map<string, { fullAt: number }>();
  let newest: string | undefined;
  let epoch = options.now();
  let last = 0;

  /** Shifts every stored time so `now` becomes 0; buckets full by then are dropped. Once in months. */
  function rebase(elapsedMs: number) {
    const shift = elapsedMs * q;
    for (const [client, bucket] of full) {
      if (bucket.fullAt - shift <= 0) full.delete(client);
      else bucket.fullAt -= shift;
    }
    epoch += elapsedMs;
    last = 0;
  }

  /**
   * Makes room for a new client. A bucket that has refilled to full says nothing a fresh one would not,
   * so it is simply dropped: memory follows the clients active within the last burst's worth of time,
   * not every address ever seen. Past the cap the least recently served client is forgotten even if
   * its bucket is not full yet; that only ever forgives a client some requests, it never refuses one,
   * and a sender with more than maxClients addresses has that much capacity anyway.
   */
  function makeRoom(now: number) {
    for (let i = 0; i < 2 || full.size >= maxClients; i++) {
      const oldest = full.entries().next();
      if (oldest.done) return;
      const [client, { fullAt }] = oldest.value;
      if (fullAt > now && full.size < maxClients) return;
      full.delete(client);
    }
  }

  return {
    take(client: string): RateDecision {
      let elapsed = options.now() - epoch;
      if (elapsed * q > REBASE_AFTER_UNITS) {
        rebase(elapsed);
        elapsed = 0;
      }
      // A clock that stepped back must not make anyone wait longer than the policy says.
      const now = Math.max(elapsed * q, last);
      last = now;
      const bucket = full.get(client);
      const next = (bucket === undefined || bucket.fullAt < now ? now : bucket.fullAt) + p;
      if (next - now > capacity) {
        // One token is available once the bucket is no more than `capacity` ahead of the clock.
        const wait = next - capacity - now;
        const rest = wait % unitsPerSecond;
        return { kind: 'refused', retryAfterSeconds: (wait - rest) / unitsPerSecond + (rest > 0 ? 1 : 0) };
      }
      if (bucket === undefined) {
        makeRoom(now);
        full.set(client, { fullAt: next });
      } else {
        bucket.fullAt = next;
        if (client !== newest) {
          full.delete(client);
          full.set(client, bucket);
        }
      }
      newest = client;
      return ALLOWED;
    },
    get trackedClients() {
      return full.size;
    },
  };
}
