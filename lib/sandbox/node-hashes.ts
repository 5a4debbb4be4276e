import { hash } from 'node:crypto';
import type { HashBackend, HashName } from '@/lib/http-auth';
import { hmacMidstates, hmacSha256FromMidstates, type HmacMidstates } from './sha256-hmac';

// The server's Digest hashes from node:crypto (OpenSSL) and its HMAC-SHA-256 (Digest nonces, Bearer tokens)
// from the key's kept midstates: the same bytes as @noble/hashes, which the browser keeps, at a fraction of
// the cost (issue 23: a Digest challenge signs a nonce, a Digest answer takes about six hashes and checks
// its nonce's MAC, a token grant signs a JWT). runtime.ts switches the process to these once.

const OPENSSL: Record<HashName, string> = { MD5: 'md5', 'SHA-256': 'sha256', 'SHA-512-256': 'sha512-256' };

/** SHA-256's block size in bytes (FIPS 180-4 §1): RFC 2104's B. */
const BLOCK = 64;
const sha256 = (data: Uint8Array): Buffer => hash('sha256', data, 'buffer') as Buffer;

/** The key XOR ipad and XOR opad, per key, and the SHA-256 states after them: the server signs with one secret. */
const pads = new WeakMap<Uint8Array, { inner: Uint8Array; outer: Uint8Array; midstates: HmacMidstates }>();

/** The key's RFC 2104 pads and their SHA-256 midstates, kept per key (edge/node-nonce.ts signs from the midstates too). */
export function padsOf(key: Uint8Array): { inner: Uint8Array; outer: Uint8Array; midstates: HmacMidstates } {
  let known = pads.get(key);
  if (!known) {
    // RFC 2104 §2: a key longer than the block is hashed first; a shorter one is padded with zeros.
    const block = Buffer.alloc(BLOCK);
    block.set(key.length > BLOCK ? sha256(key) : key);
    const inner = block.map((byte) => byte ^ 0x36);
    const outer = block.map((byte) => byte ^ 0x5c);
    known = { inner, outer, midstates: hmacMidstates({ inner, outer }) };
    pads.set(key, known);
  }
  return known;
}

/**
 * A message up to this long is signed in JavaScript from the kept midstates (sha256-hmac.ts): a Digest nonce
 * (20 bytes) or a token's signing input (a few hundred). Issue 23: under load, each node:crypto one-shot hash
 * with a Buffer result cost the server several times the hashing itself. Longer ones go to OpenSSL.
 */
const JS_HMAC_MAX_BYTES = 1024;

/**
 * RFC 2104 HMAC-SHA-256: H(K ^ opad, H(K ^ ipad, text)), over the kept pads. Tests compare it with
 * createHmac and noble on both sides of the length bound.
 */
function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  const { inner, outer, midstates } = padsOf(key);
  if (data.length <= JS_HMAC_MAX_BYTES) return hmacSha256FromMidstates(midstates, data);
  const first = Buffer.allocUnsafe(BLOCK + data.length);
  first.set(inner);
  first.set(data, BLOCK);
  const second = Buffer.allocUnsafe(BLOCK + 32);
  second.set(outer);
  second.set(sha256(first), BLOCK);
  return sha256(second);
}

export const NODE_HASHES: HashBackend = {
  // crypto.hash is the one-shot form (Node 20.12+): no Hash object for a single short input. A string is
  // hashed as UTF-8, crypto.hash's default, and the hex comes out lower-case.
  hashHex: (name, data) => hash(OPENSSL[name], data, 'hex'),
  hmacSha256,
};
