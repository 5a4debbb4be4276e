// SHA-256's compression function (FIPS 180-4 §6.2.2) on 32-bit words, for the server's HMAC (sha256-hmac.ts)
// and the prepared challenge's nonce signer (edge/node-nonce.ts):
// an HMAC over a 20-byte message, with the pads' blocks compressed once per key (RFC 2104 §4 suggests
// keeping them), is two compressions and nothing else. Issue 23: in the server under load, each call into
// OpenSSL cost several times its own hashing (measured: a nonce's two node:crypto one-shot hashes added
// 8–11 µs of server CPU per request, against under 2 µs in a loop); this runs in plain JavaScript, with no
// allocation. Tests hold it to node:crypto's HMAC for any key and message (tests/lib/sandbox/node-nonce.test.ts).

/** FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74,
  0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d,
  0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e,
  0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5,
  0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** FIPS 180-4 §5.3.3: the initial hash value. */
export const SHA256_IV: Readonly<Int32Array> = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** The message schedule, reused by every call (single-threaded, and never kept across calls). */
const W = new Int32Array(64);

/**
 * Compresses one 512-bit block, given as 16 big-endian words, into `state` (8 words), in place
 * (FIPS 180-4 §6.2.2 steps 1–4).
 */
export function compressBlock(state: Int32Array, block: Readonly<Int32Array>): void {
  for (let t = 0; t < 16; t++) W[t] = block[t]!;
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]!;
    const w2 = W[t - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (s1 + W[t - 7]! + s0 + W[t - 16]!) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const sigma1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + sigma1 + ((e & f) ^ (~e & g)) + K[t]! + W[t]!) | 0;
    const sigma0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (sigma0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/** The state after compressing one whole 64-byte block from the initial value: an HMAC pad's midstate. */
export function midstateOf(block64: Uint8Array): Int32Array {
  if (block64.length !== 64) throw new RangeError('A SHA-256 block is 64 bytes.');
  const words = new Int32Array(16);
  for (let i = 0; i < 16; i++) words[i] = (block64[4 * i]! << 24) | (block64[4 * i + 1]! << 16) | (block64[4 * i + 2]! << 8) | block64[4 * i + 3]!;
  const state = Int32Array.from(SHA256_IV);
  compressBlock(state, words);
  return state;
}
