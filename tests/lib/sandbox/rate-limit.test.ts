import fc from 'fast-check';
import { createRateLimiter, type RateDecision, type RateLimitPolicy } from '@/lib/sandbox/edge/rate-limit';

/** A limiter on a clock the test moves by hand (whole milliseconds). */
function limiterAt(policy: RateLimitPolicy, maxClients?: number) {
  let now = 0;
  const limiter = createRateLimiter(policy, { now: () => now, maxClients });
  return {
    limiter,
    at(ms: number, client = 'a'): RateDecision {
      now = ms;
      return limiter.take(client);
    },
  };
}

const refused = (retryAfterSeconds: number): RateDecision => ({ kind: 'refused', retryAfterSeconds });
const allowed: RateDecision = { kind: 'allowed' };

describe('token bucket: examples', () => {
  test('3 per second, burst 3: three at once, the fourth waits for the next token (a third of a second: Retry-After 1)', () => {
    const { at } = limiterAt({ requests: 3, seconds: 1, burst: 3 });
    expect([at(0), at(0), at(0)]).toEqual([allowed, allowed, allowed]);
    expect(at(0)).toEqual(refused(1));
    expect(at(333)).toEqual(refused(1)); // one token takes 333⅓ ms
    expect(at(334)).toEqual(allowed);
    expect(at(334)).toEqual(refused(1));
  });

  test('1 per minute: Retry-After counts down in whole seconds and is exact at the boundary', () => {
    const { at } = limiterAt({ requests: 1, seconds: 60, burst: 1 });
    expect(at(0)).toEqual(allowed);
    expect(at(0)).toEqual(refused(60));
    expect(at(1)).toEqual(refused(60)); // 59.999 s left: rounded up, never down
    expect(at(59_000)).toEqual(refused(1));
    expect(at(59_999)).toEqual(refused(1));
    expect(at(60_000)).toEqual(allowed);
  });

  test('a burst smaller than the rate: 120 per minute, at most 10 at once', () => {
    const { at } = limiterAt({ requests: 120, seconds: 60, burst: 10 });
    for (let i = 0; i < 10; i++) expect(at(0)).toEqual(allowed);
    expect(at(0)).toEqual(refused(1));
    expect(at(500)).toEqual(allowed); // one token every 500 ms
    expect(at(500)).toEqual(refused(1));
    // Idle for long: the bucket holds `burst`, not more.
    for (let i = 0; i < 10; i++) expect(at(3_600_000)).toEqual(allowed);
    expect(at(3_600_000)).toEqual(refused(1));
  });

  test('more than 1000 per second (a token every fraction of a millisecond) stays exact', () => {
    const { at } = limiterAt({ requests: 3000, seconds: 1, burst: 3 });
    expect([at(0), at(0), at(0), at(0)]).toEqual([allowed, allowed, allowed, refused(1)]);
    expect(at(1)).toEqual(allowed); // three tokens a millisecond
    expect([at(1), at(1), at(1)]).toEqual([allowed, allowed, refused(1)]);
  });

  test('clients have their own buckets', () => {
    const { at } = limiterAt({ requests: 1, seconds: 10, burst: 1 });
    expect(at(0, 'a')).toEqual(allowed);
    expect(at(0, 'a')).toEqual(refused(10));
    expect(at(0, 'b')).toEqual(allowed);
  });

  test('a clock that steps back makes nobody wait longer', () => {
    const { at } = limiterAt({ requests: 1, seconds: 10, burst: 1 });
    at(50_000);
    expect(at(1_000)).toEqual(refused(10));
  });

  test('an invalid policy is refused at construction', () => {
    expect(() => createRateLimiter({ requests: 0, seconds: 1, burst: 1 }, { now: () => 0 })).toThrow(/requests must be a whole number of at least 1/);
    expect(() => createRateLimiter({ requests: 1, seconds: 1.5, burst: 1 }, { now: () => 0 })).toThrow(/seconds/);
  });
});

describe('token bucket: bounded memory', () => {
  test('buckets that have refilled to full are dropped as new clients arrive', () => {
    const { limiter, at } = limiterAt({ requests: 1, seconds: 1, burst: 5 });
    for (let i = 0; i < 100; i++) at(i * 1000, `client-${i}`);
    // Each bucket is full a second after its one request, so only the newest few are still held.
    expect(limiter.trackedClients).toBeLessThanOrEqual(2);
  });

  test('never more than maxClients buckets; past the cap the least recently served client is forgotten', () => {
    const { limiter, at } = limiterAt({ requests: 1, seconds: 3600, burst: 1 }, 3);
    for (const client of ['a', 'b', 'c']) expect(at(0, client)).toEqual(allowed);
    expect(at(0, 'a')).toEqual(refused(3600));
    expect(at(0, 'd')).toEqual(allowed);
    expect(limiter.trackedClients).toBe(3);
    // a was the first one served and is forgotten: a fresh bucket.
    expect(at(0, 'a')).toEqual(allowed);
    // c (served after a and b, but before d and the new a) is still held.
    expect(at(0, 'd')).toEqual(refused(3600));
  });

  test('stays exact however long it runs: past 2^52 units the stored times are shifted down', () => {
    // 999 983 is prime, so one unit is 1/999983 ms and a token takes 1000 units. Counted from the
    // start, a thousand years is ~3·10^19 units, where doubles are 4096 apart: a token's 1000 units
    // would vanish in rounding and every request would pass.
    const { at } = limiterAt({ requests: 999_983, seconds: 1, burst: 2 });
    const years = 1000 * 365 * 86_400_000;
    expect([at(0), at(0), at(0)]).toEqual([allowed, allowed, refused(1)]);
    expect([at(years), at(years), at(years)]).toEqual([allowed, allowed, refused(1)]);
    expect(at(years + 1)).toEqual(allowed);
    expect(at(years + 1)).toEqual(allowed);
    expect(at(years + 1)).toEqual(refused(1));
  });
});

const policies = fc.record({ requests: fc.integer({ min: 1, max: 50 }), seconds: fc.integer({ min: 1, max: 30 }), burst: fc.integer({ min: 1, max: 20 }) });
/** Gaps between one client's requests, in ms: often none (a burst), sometimes long. */
const gaps = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 5_000 })), { minLength: 1, maxLength: 120 });

function run(policy: RateLimitPolicy, deltas: number[]) {
  const { at } = limiterAt(policy);
  let time = 0;
  return deltas.map((delta) => {
    time += delta;
    return { time, decision: at(time) };
  });
}

describe('token bucket: properties', () => {
  test('in any window of t ms, at most burst + requests × t / (seconds × 1000) requests are allowed', () => {
    fc.assert(
      fc.property(policies, gaps, (policy, deltas) => {
        const times = run(policy, deltas)
          .filter(({ decision }) => decision.kind === 'allowed')
          .map(({ time }) => time);
        for (let i = 0; i < times.length; i++) {
          for (let j = i; j < times.length; j++) {
            const count = j - i + 1;
            const window = (times[j] ?? 0) - (times[i] ?? 0);
            // count ≤ burst + requests·window/(seconds·1000), in whole numbers.
            expect((count - policy.burst) * policy.seconds * 1000).toBeLessThanOrEqual(policy.requests * window);
          }
        }
      }),
    );
  });

  test('Retry-After is at least 1, honest (a retry after it is allowed) and tight (a second sooner is refused)', () => {
    fc.assert(
      fc.property(policies, gaps, (policy, deltas) => {
        const history = run(policy, deltas);
        const index = history.findIndex(({ decision }) => decision.kind === 'refused');
        fc.pre(index !== -1);
        const { time, decision } = history[index] ?? { time: 0, decision: allowed };
        if (decision.kind !== 'refused') throw new Error('unreachable');
        expect(decision.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        // Replay the same requests up to the refusal, then retry after Retry-After (or a second less).
        const replay = (retryAt: number) => {
          const { at } = limiterAt(policy);
          for (const step of history.slice(0, index + 1)) at(step.time);
          return at(retryAt);
        };
        expect(replay(time + decision.retryAfterSeconds * 1000)).toEqual(allowed);
        expect(replay(time + (decision.retryAfterSeconds - 1) * 1000).kind).toBe('refused');
      }),
    );
  });

  test('a steady client below the rate is never refused', () => {
    fc.assert(
      fc.property(policies, fc.integer({ min: 1, max: 200 }), (policy, count) => {
        const spacing = Math.ceil((policy.seconds * 1000) / policy.requests);
        const decisions = run(
          policy,
          Array.from({ length: count }, () => spacing),
        ).map(({ decision }) => decision);
        expect(decisions.every((decision) => decision.kind === 'allowed')).toBe(true);
      }),
    );
  });

  test('the number of buckets held never exceeds maxClients', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 300 })), { maxLength: 300 }),
        (maxClients, takes) => {
          const { limiter, at } = limiterAt({ requests: 1, seconds: 10, burst: 2 }, maxClients);
          let time = 0;
          for (const [client, delta] of takes) {
            time += delta;
            at(time, `c${client}`);
            expect(limiter.trackedClients).toBeLessThanOrEqual(maxClients);
          }
        },
      ),
    );
  });
});
