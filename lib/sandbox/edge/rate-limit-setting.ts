import type { RateLimitPolicy } from './rate-limit';

// SANDBOX_RATE_LIMIT, read once by server.ts at start-up (a bad value stops it with this message).
// `next dev` never reads it: the route handlers under app/api have no rate limit.
//
//   off                          no limit
//   <requests>/<seconds>s        e.g. 1200/60s: a bucket of 1200 tokens, refilled at 1200 per 60 s
//   <requests>/<seconds>s,burst=<n>   the same with a bucket of n tokens, e.g. 1200/60s,burst=300
//
// In any window of t seconds a client gets at most burst + requests × t / seconds requests.

/**
 * The default when the variable is unset: generous for a class of 30 learners behind one school NAT
 * (one shared address, so one bucket): 300 at once is ten requests each when the trainer says "now
 * run it", and 20 a second sustained is far beyond people clicking and running curl, while a script
 * stuck in a retry loop is held to that.
 */
export const DEFAULT_SANDBOX_RATE_LIMIT = '1200/60s,burst=300';

export type RateLimitSetting = { kind: 'off' } | { kind: 'on'; policy: RateLimitPolicy; text: string };

const MAX_REQUESTS = 1_000_000;
const MAX_SECONDS = 86_400;
const SYNTAX = /^(\d{1,7})\/(\d{1,5})s(?:,burst=(\d{1,7}))?$/;

export function rateLimitFromEnvironment(value: string | undefined): { ok: true; value: RateLimitSetting } | { ok: false; error: string } {
  const text = (value ?? '').trim() || DEFAULT_SANDBOX_RATE_LIMIT;
  if (text === 'off') return { ok: true, value: { kind: 'off' } };
  const match = SYNTAX.exec(text);
  const [requests, seconds, burst] = [match?.[1], match?.[2], match?.[3] ?? match?.[1]].map(Number);
  const within = (n: number | undefined, max: number) => n !== undefined && Number.isInteger(n) && n >= 1 && n <= max;
  if (!match || !within(requests, MAX_REQUESTS) || !within(seconds, MAX_SECONDS) || !within(burst, MAX_REQUESTS)) {
    return {
      ok: false,
      error: `SANDBOX_RATE_LIMIT must be "off" or "<requests>/<seconds>s" with an optional ",burst=<n>" (whole numbers from 1; seconds at most ${MAX_SECONDS}, requests and burst at most ${MAX_REQUESTS}), e.g. "${DEFAULT_SANDBOX_RATE_LIMIT}"; not ${JSON.stringify(value)}.`,
    };
  }
  return { ok: true, value: { kind: 'on', policy: { requests: requests ?? 1, seconds: seconds ?? 1, burst: burst ?? 1 }, text } };
}

/** The policy in words, for the 429's detail. */
export function describePolicy({ requests, seconds, burst }: RateLimitPolicy): string {
  return `${requests} request${requests === 1 ? '' : 's'} per ${seconds} s per client address, at most ${burst} at once`;
}
