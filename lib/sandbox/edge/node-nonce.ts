import { createDigestNonce } from '@/lib/http-auth';
import { padsOf } from '../node-hashes';
import { compressBlock } from '../sha256-block';

// The prepared Digest challenge's fresh nonce (bare-answers.ts): the very bytes lib/http-auth's
// createDigestNonce writes (8 bytes of time, 12 random, the first 16 of HMAC-SHA-256 over both; base64),
// made without a BigInt, DataView, typed array or call into OpenSSL per nonce. RFC 2104 §4: the pads'
// blocks are compressed once per key, so the HMAC is two SHA-256 compressions (sha256-block.ts). Issue 23:
// the nonce was most of what the prepared Digest challenge cost above a prepared Basic one.
// tests/lib/sandbox/node-nonce.test.ts holds it to createDigestNonce for any secret, time and bytes.

const RANDOM_BYTES = 12;
/** The nonce's body (time and random bytes) and MAC, in 32-bit words. */
const BODY_WORDS = 5;
const MAC_WORDS = 4;
/** SHA-256 pads the message with a 1 bit and its length in bits (FIPS 180-4 §5.1.1): 64 + 20 and 64 + 32 bytes. */
const INNER_BITS = (64 + 20) * 8;
const OUTER_BITS = (64 + 32) * 8;
const PAD_BIT = 0x80000000 | 0;
const TWO_32 = 2 ** 32;

export type NonceMaker = (now: number, random: Uint8Array) => string;

function makerFor(secret: Uint8Array): NonceMaker {
  const { inner: innerMid, outer: outerMid } = padsOf(secret).midstates;
  // The last block of each hash: the message words first, then the padding, which never changes.
  const innerBlock = new Int32Array(16);
  innerBlock[BODY_WORDS] = PAD_BIT;
  innerBlock[15] = INNER_BITS;
  const outerBlock = new Int32Array(16);
  outerBlock[8] = PAD_BIT;
  outerBlock[15] = OUTER_BITS;
  const state = new Int32Array(8);
  const nonce = Buffer.alloc((BODY_WORDS + MAC_WORDS) * 4);
  return (now, random) => {
    const time = Math.floor(now);
    // What a 53-bit integer cannot say as setBigUint64 would (negative, NaN, a wrong length): createDigestNonce
    // itself, with its wrap-around or its error.
    if (!(time >= 0 && time <= Number.MAX_SAFE_INTEGER) || random.length !== RANDOM_BYTES) return createDigestNonce({ secret, now, random });
    // Big-endian 64-bit time (the DataView's default byte order), then the random bytes.
    innerBlock[0] = Math.floor(time / TWO_32);
    innerBlock[1] = time % TWO_32;
    for (let i = 0; i < 3; i++) innerBlock[2 + i] = (random[4 * i]! << 24) | (random[4 * i + 1]! << 16) | (random[4 * i + 2]! << 8) | random[4 * i + 3]!;
    state.set(innerMid);
    compressBlock(state, innerBlock);
    outerBlock.set(state);
    state.set(outerMid);
    compressBlock(state, outerBlock);
    for (let i = 0; i < BODY_WORDS; i++) nonce.writeInt32BE(innerBlock[i]!, 4 * i);
    for (let i = 0; i < MAC_WORDS; i++) nonce.writeInt32BE(state[i]!, 4 * (BODY_WORDS + i));
    return nonce.toString('base64');
  };
}

const makers = new WeakMap<Uint8Array, NonceMaker>();

/** The nonce maker for this secret (in practice one per process: the context's). */
export function nodeNonceMaker(secret: Uint8Array): NonceMaker {
  let maker = makers.get(secret);
  if (!maker) makers.set(secret, (maker = makerFor(secret)));
  return maker;
}
