import { hmacSha256 } from '../../bytes/hashes';
import { decodeBase64, encodeBase64 } from '../../bytes/base64';
import { constantTimeEqual } from '../../bytes/constant-time';
import { encodeUtf8 } from '../../bytes/text';

// Stateless Digest nonces: issue time + random bytes + an HMAC over both. Any server instance that
// knows the secret can check one without shared storage, and tell "forged" from "merely old", which
// is what RFC 7616 §3.3 `stale=true` needs: the client retries with a fresh nonce, without asking the user.

export type DigestNonceState = { kind: 'fresh'; issuedAt: number } | { kind: 'stale'; issuedAt: number } | { kind: 'invalid' };

const TIME_BYTES = 8;
const RANDOM_BYTES = 12;
const MAC_BYTES = 16;

function key(secret: string | Uint8Array): Uint8Array {
  return typeof secret === 'string' ? encodeUtf8(secret) : secret;
}

function mac(secret: string | Uint8Array, body: Uint8Array): Uint8Array {
  return hmacSha256(key(secret), body).subarray(0, MAC_BYTES);
}

export function createDigestNonce(o: { secret: string | Uint8Array; now: number; random: Uint8Array }): string {
  if (o.random.length !== RANDOM_BYTES) throw new TypeError(`A nonce needs ${RANDOM_BYTES} random bytes.`);
  const body = new Uint8Array(TIME_BYTES + RANDOM_BYTES);
  new DataView(body.buffer).setBigUint64(0, BigInt(Math.floor(o.now)));
  body.set(o.random, TIME_BYTES);
  const out = new Uint8Array(body.length + MAC_BYTES);
  out.set(body);
  out.set(mac(o.secret, body), body.length);
  return encodeBase64(out);
}

/**
 * When a nonce this secret signed was issued, or undefined when the secret did not sign it (forged,
 * truncated, not base64). Depends on the nonce and the secret only, so a server may remember the answer.
 */
export function digestNonceIssuedAt(nonce: string, secret: string | Uint8Array): number | undefined {
  const decoded = decodeBase64(nonce);
  if (decoded.kind === 'invalid' || decoded.bytes.length !== TIME_BYTES + RANDOM_BYTES + MAC_BYTES) return undefined;
  const body = decoded.bytes.subarray(0, TIME_BYTES + RANDOM_BYTES);
  if (!constantTimeEqual(mac(secret, body), decoded.bytes.subarray(body.length))) return undefined;
  return Number(new DataView(body.buffer, body.byteOffset).getBigUint64(0));
}

/** A signed nonce's state at `now`, given when it was issued (digestNonceIssuedAt). */
export function digestNonceState(issuedAt: number | undefined, o: { now: number; maxAgeMs: number }): DigestNonceState {
  // A nonce from the future was not issued by this server's clock.
  if (issuedAt === undefined || issuedAt > o.now) return { kind: 'invalid' };
  return o.now - issuedAt > o.maxAgeMs ? { kind: 'stale', issuedAt } : { kind: 'fresh', issuedAt };
}

export function checkDigestNonce(nonce: string, o: { secret: string | Uint8Array; now: number; maxAgeMs: number }): DigestNonceState {
  return digestNonceState(digestNonceIssuedAt(nonce, o.secret), o);
}
