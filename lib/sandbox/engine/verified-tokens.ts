import type { JWTPayload } from 'jose';
import { boundedMap } from '../store/bounded-map';

// Tokens jose has already verified, so a client that sends the same token again (every request of a
// session, RFC 6750 §2.1) costs a Map lookup instead of a WebCrypto HMAC (~100 µs on Node 20, issue 23).
// jose stays the verifier of record: an entry exists only after jose accepted that exact string under
// that exact secret, and a hit answers only while nothing time-dependent could have changed jose's
// verdict. Everything else, including every refusal, goes to jose again.

/** Enough for every live session of a busy instance; past it the oldest verdicts are forgotten. */
export const VERIFIED_TOKEN_LIMIT = 1_000;

const verified = new WeakMap<Uint8Array, Map<string, JWTPayload>>();

/**
 * The payload jose accepted for `token` under `secret`, if it would still accept it at `nowSeconds`.
 * The only time-dependent check jose makes with our options (no maxTokenAge, clockTolerance 0) is
 * RFC 7519 §4.1.4's exp, `exp <= now` is expired exactly as jose compares it; a payload with nbf
 * (§4.1.5) is never stored, so it never needs re-checking here.
 */
export function recallVerified(token: string, secret: Uint8Array, nowSeconds: number): JWTPayload | undefined {
  const bySecret = verified.get(secret);
  const payload = bySecret?.get(token);
  if (payload === undefined) return undefined;
  if (payload.exp !== undefined && payload.exp <= nowSeconds) {
    bySecret?.delete(token);
    return undefined;
  }
  return payload;
}

/** Stores jose's acceptance of `token`; payloads whose verdict depends on time beyond exp are not stored. */
export function rememberVerified(token: string, secret: Uint8Array, payload: JWTPayload): void {
  if (payload.nbf !== undefined) return;
  let bySecret = verified.get(secret);
  if (!bySecret) {
    bySecret = boundedMap<string, JWTPayload>(VERIFIED_TOKEN_LIMIT);
    verified.set(secret, bySecret);
  }
  bySecret.set(token, Object.freeze({ ...payload }));
}

/** How many verdicts are held for `secret` (tests check the bound). */
export function verifiedCount(secret: Uint8Array): number {
  return verified.get(secret)?.size ?? 0;
}
