import { digestNonceIssuedAt, digestNonceState, type DigestNonceState } from '@/lib/http-auth';
import { boundedMap } from '../store/bounded-map';

// Digest nonces whose signature this process has already checked. A client answers one nonce for many
// requests (nc counts them, RFC 7616 §3.4), so every request after the first would decode it and compute
// the same HMAC again (issue 23). Only the signature check is remembered: whether a nonce is fresh, stale
// or from the future is decided on every request from the issue time, exactly as checkDigestNonce does.
// Forged nonces are never stored, so a client cannot fill the map with them.

/** Enough for every live Digest session of a busy instance; past it the oldest are checked again. */
export const VERIFIED_NONCE_LIMIT = 4_096;

const verified = new WeakMap<Uint8Array, Map<string, number>>();

/** checkDigestNonce, remembering the issue time of each nonce `secret` signed. */
export function checkNonceRemembered(nonce: string, o: { secret: Uint8Array; now: number; maxAgeMs: number }): DigestNonceState {
  let bySecret = verified.get(o.secret);
  let issuedAt = bySecret?.get(nonce);
  if (issuedAt === undefined) {
    issuedAt = digestNonceIssuedAt(nonce, o.secret);
    if (issuedAt !== undefined) {
      if (!bySecret) verified.set(o.secret, (bySecret = boundedMap<string, number>(VERIFIED_NONCE_LIMIT)));
      bySecret.set(nonce, issuedAt);
    }
  }
  return digestNonceState(issuedAt, o);
}

/** How many nonces are remembered for `secret` (tests check the bound). */
export function rememberedNonceCount(secret: Uint8Array): number {
  return verified.get(secret)?.size ?? 0;
}
