import { hmac } from '@noble/hashes/hmac';
import { md5 } from '@noble/hashes/legacy';
import { sha256, sha512_256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';

// The hashes Digest needs (RFC 7616 §3.2: MD5, SHA-256, SHA-512/256) and the HMAC its stateless nonces
// are signed with. This code also runs in the browser, so @noble/hashes computes them by default; a
// server may hand in its platform's (lib/sandbox/node-hashes.ts: node:crypto, 10–20 times faster for
// these short inputs, issue 23). Every backend must give the very same bytes; tests compare them.

export type HashName = 'MD5' | 'SHA-256' | 'SHA-512-256';

export type HashBackend = {
  /** Lower-case hex of the hash of `data`, a string hashed as its UTF-8 octets (RFC 7616 §3.4.2's H). */
  hashHex(name: HashName, data: string | Uint8Array): string;
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
};

const NOBLE: Record<HashName, (data: Uint8Array) => Uint8Array> = { MD5: md5, 'SHA-256': sha256, 'SHA-512-256': sha512_256 };

const encoder = new TextEncoder();

export const NOBLE_HASHES: HashBackend = {
  hashHex: (name, data) => bytesToHex(NOBLE[name](typeof data === 'string' ? encoder.encode(data) : data)),
  hmacSha256: (key, data) => hmac(sha256, key, data),
};

let backend: HashBackend = NOBLE_HASHES;

/** Switches every Digest hash and nonce MAC of this process to `next` (a server does this once, at start). */
export function setHashBackend(next: HashBackend): void {
  backend = next;
}

export function hashHex(name: HashName, data: string | Uint8Array): string {
  return backend.hashHex(name, data);
}

export function hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array {
  return backend.hmacSha256(key, data);
}
