/** @jest-environment node */
// The prepared Digest challenge's nonce maker (lib/sandbox/edge/node-nonce.ts, SHA-256 compressed by hand in
// sha256-block.ts) must write the very nonce createDigestNonce would, for any secret, clock and random
// bytes: other instances, and this one's engine, check it with checkDigestNonce.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { checkDigestNonce, createDigestNonce, NOBLE_HASHES, setHashBackend } from '@/lib/http-auth';
import { nodeNonceMaker } from '@/lib/sandbox/edge/node-nonce';
import { NODE_HASHES } from '@/lib/sandbox/node-hashes';

afterEach(() => setHashBackend(NOBLE_HASHES));

const secrets = fc.uint8Array({ minLength: 1, maxLength: 150 });
const randoms = fc.uint8Array({ minLength: 12, maxLength: 12 });
const times = fc.oneof(
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.integer({ min: 1_600_000_000_000, max: 2_100_000_000_000 }),
  fc.double({ min: 0, max: 2 ** 40, noNaN: true }),
  fc.constantFrom(0, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER),
);

describe('nodeNonceMaker', () => {
  test.each([
    ['@noble/hashes', NOBLE_HASHES],
    ['node:crypto', NODE_HASHES],
  ])('writes createDigestNonce’s bytes (its HMAC from %s) for any secret, time and random bytes, call after call', (_, backend) => {
    setHashBackend(backend);
    fc.assert(
      fc.property(secrets, fc.array(fc.tuple(times, randoms), { minLength: 1, maxLength: 4 }), (secret, calls) => {
        // One maker for several nonces: its kept blocks and state must not leak from one into the next.
        const make = nodeNonceMaker(secret);
        for (const [now, random] of calls) expect(make(now, random)).toBe(createDigestNonce({ secret, now, random }));
      }),
      { numRuns: 400 },
    );
  });

  test('its MAC is HMAC-SHA-256 as node:crypto computes it, truncated to 16 bytes', () => {
    fc.assert(
      fc.property(secrets, times, randoms, (secret, now, random) => {
        const bytes = Buffer.from(nodeNonceMaker(secret)(now, random), 'base64');
        expect(bytes).toHaveLength(36);
        const mac = createHmac('sha256', secret).update(bytes.subarray(0, 20)).digest().subarray(0, 16);
        expect(bytes.subarray(20).toString('hex')).toBe(mac.toString('hex'));
        expect(Number(bytes.readBigUInt64BE(0))).toBe(Math.floor(now));
        expect(Buffer.from(random).equals(bytes.subarray(8, 20))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('a nonce it makes is checked as fresh, and one with a bit changed is not', () => {
    const secret = new TextEncoder().encode('a-test-secret-that-is-32-bytes-long!');
    const now = Date.UTC(2026, 11, 6);
    const nonce = nodeNonceMaker(secret)(now, new Uint8Array(12).fill(0xa5));
    expect(checkDigestNonce(nonce, { secret, now: now + 1_000, maxAgeMs: 60_000 })).toEqual({ kind: 'fresh', issuedAt: now });
    const tampered = Buffer.from(nonce, 'base64');
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    expect(checkDigestNonce(tampered.toString('base64'), { secret, now: now + 1_000, maxAgeMs: 60_000 })).toEqual({ kind: 'invalid' });
  });

  test('what a 53-bit time cannot say goes to createDigestNonce: a negative clock wraps as there, a wrong length throws as there', () => {
    const secret = new Uint8Array(32).fill(1);
    const make = nodeNonceMaker(secret);
    const random = new Uint8Array(12).fill(3);
    expect(make(-5, random)).toBe(createDigestNonce({ secret, now: -5, random }));
    expect(make(2 ** 60, random)).toBe(createDigestNonce({ secret, now: 2 ** 60, random }));
    expect(() => make(0, new Uint8Array(11))).toThrow('A nonce needs 12 random bytes.');
    expect(() => make(Number.NaN, random)).toThrow(RangeError);
  });
});
