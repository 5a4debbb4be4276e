import { compressBlock, midstateOf } from './sha256-block';

// HMAC-SHA-256 (RFC 2104) for the server's short inputs (a Digest nonce's 20 bytes, a token's signing input
// of a few hundred), in plain JavaScript from the key's pads compressed once (RFC 2104 §4): a message of n
// bytes costs ceil((n + 9) / 64) + 1 compressions and one 32-byte array. Issue 23: under load a node:crypto
// one-shot hash with a Buffer result cost the server several times its hashing (node-hashes.ts keeps
// OpenSSL for longer inputs). tests/lib/sandbox/node-hashes.test.ts holds it to node:crypto's HMAC.

const BLOCK = 64;
const TWO_32 = 2 ** 32;
const PAD_BIT = 0x80;

/** The states after the key's inner and outer pad blocks. */
export type HmacMidstates = { inner: Int32Array; outer: Int32Array };

export function hmacMidstates(pads: { inner: Uint8Array; outer: Uint8Array }): HmacMidstates {
  return { inner: midstateOf(pads.inner), outer: midstateOf(pads.outer) };
}

/** One block's 16 words and the running state, reused by every call (single-threaded, never kept). */
const block = new Int32Array(16);
const state = new Int32Array(8);

/** Compresses the message's last bytes, the 1 bit and the length in bits (FIPS 180-4 §5.1.1) into `state`. */
function finish(data: Uint8Array, offset: number, totalBytes: number): void {
  block.fill(0);
  const rest = data.length - offset;
  for (let i = 0; i < rest; i++) block[i >> 2]! |= data[offset + i]! << (24 - 8 * (i & 3));
  block[rest >> 2]! |= PAD_BIT << (24 - 8 * (rest & 3));
  // No room for the 64-bit length after the 1 bit: it goes in a block of its own.
  if (rest >= BLOCK - 8) {
    compressBlock(state, block);
    block.fill(0);
  }
  const bits = totalBytes * 8;
  block[14] = Math.floor(bits / TWO_32);
  block[15] = bits % TWO_32;
  compressBlock(state, block);
}

/** HMAC-SHA-256(K, data) = H(K ^ opad, H(K ^ ipad, data)), from K's midstates. */
export function hmacSha256FromMidstates(keyed: HmacMidstates, data: Uint8Array): Uint8Array {
  state.set(keyed.inner);
  let offset = 0;
  for (; offset + BLOCK <= data.length; offset += BLOCK) {
    for (let i = 0; i < 16; i++) {
      const at = offset + 4 * i;
      block[i] = (data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!;
    }
    compressBlock(state, block);
  }
  finish(data, offset, BLOCK + data.length);
  // The outer hash's message is the inner digest, 32 bytes after the pad block: one block with its padding.
  block.fill(0);
  block.set(state);
  block[8] = PAD_BIT << 24;
  block[15] = (BLOCK + 32) * 8;
  state.set(keyed.outer);
  compressBlock(state, block);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = state[i]!;
    out[4 * i] = word >>> 24;
    out[4 * i + 1] = word >>> 16;
    out[4 * i + 2] = word >>> 8;
    out[4 * i + 3] = word;
  }
  return out;
}
