import type { SandboxResponse } from './message';
import { problemResponse } from './problem';
import { StoreUnavailable } from './store/store';

// When the shared store (Redis, REDIS_URL) stops answering after start-up, every request that needs it
// (Digest nc, OAuth codes, DPoP jti, NTLM proofs, client-test runs) gets a 503 saying so: the lab cannot tell
// a replay from a first use without it, so it decides nothing, and a 500 would call a passing outage a bug.
// RFC 9110 §15.6.4: 503 is a temporary overload or maintenance; Retry-After (§10.2.3) says when to try again.

/** Seconds a client should wait: the Redis client reconnects within 2 s of Redis coming back. */
export const STORE_RETRY_AFTER_SECONDS = 5;

/** The operator hears of an outage once per route per this many milliseconds, not once per refused request. */
const LOG_EVERY_MS = 10_000;

/** Per route (the table's paths and CONNECT: a fixed, small set), when it was last logged and what since. */
const logged = new Map<string, { at: number; unlogged: number }>();

/**
 * The 503 for a request the store could not answer, and a log line naming the route as the table names it
 * (`where`): never the request, so never its credentials.
 */
export function storeUnavailableResponse(error: StoreUnavailable, where: string, now: number): SandboxResponse {
  const state = logged.get(where) ?? { at: -Infinity, unlogged: 0 };
  state.unlogged += 1;
  if (now - state.at >= LOG_EVERY_MS) {
    const more = state.unlogged > 1 ? ` (${state.unlogged} refused since the last line)` : '';
    console.error(`[sandbox] shared store unavailable, answering 503 to ${where}${more}: ${error.message}`);
    state.at = now;
    state.unlogged = 0;
  }
  logged.set(where, state);
  return problemResponse(
    {
      status: 503,
      title: 'Shared store unavailable',
      detail: `The lab keeps its replay checks, one-time codes and client-test runs in a shared store (Redis) that is not answering, so it decided nothing about this request. Try again in ${STORE_RETRY_AFTER_SECONDS} seconds.`,
    },
    [['Retry-After', String(STORE_RETRY_AFTER_SECONDS)]],
  );
}

/** Runs `answer`, turning a StoreUnavailable it throws into the 503; any other error goes on. */
export async function orStoreUnavailable<T, U>(
  answer: () => T | Promise<T>,
  unavailable: (response: SandboxResponse) => U,
  where: string,
  now: () => number,
): Promise<T | U> {
  try {
    return await answer();
  } catch (error) {
    if (!(error instanceof StoreUnavailable)) throw error;
    return unavailable(storeUnavailableResponse(error, where, now()));
  }
}
