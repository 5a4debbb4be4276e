/** @jest-environment node */
// The server computes Digest hashes and nonce MACs with node:crypto (lib/sandbox/node-hashes.ts), the
// browser with @noble/hashes: a response computed on one side must verify on the other, so both give
// the same bytes for any input, and the switch changes nothing a client can see.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { createDigestNonce, checkDigestNonce, digestHex, NOBLE_HASHES, setHashBackend, type HashName } from '@/lib/http-auth';
import { NODE_HASHES } from '@/lib/sandbox/node-hashes';

const NAMES: HashName[] = ['MD5', 'SHA-256', 'SHA-512-256'];
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

afterEach(() => setHashBackend(NOBLE_HASHES));

describe('node:crypto and @noble/hashes give the same bytes', () => {
  test.each(NAMES)('%s in hex, of any text (as UTF-8, lone surrogates too) or bytes', (name) => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.uint8Array({ maxLength: 200 })),
        (data) => {
          const expected = NOBLE_HASHES.hashHex(name, data);
          expect(expected).toMatch(/^[0-9a-f]+$/);
          expect(NODE_HASHES.hashHex(name, data)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('HMAC-SHA-256, for any key (shorter and longer than the 64-byte block) and input (either side of the JavaScript path’s 1,024 bytes), asked twice', () => {
    // Lengths near the block and padding edges (55, 56, 64 bytes …) and either side of the bound, besides any.
    const lengths = fc.oneof(
      fc.integer({ min: 0, max: 200 }),
      fc.constantFrom(55, 56, 63, 64, 65, 119, 120, 128, 1023, 1024, 1025),
      fc.integer({ min: 900, max: 1300 }),
    );
    const data = lengths.chain((length) => fc.uint8Array({ minLength: length, maxLength: length }));
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), data, (key, data) => {
        const expected = createHmac('sha256', key).update(data).digest('hex');
        expect(hex(NOBLE_HASHES.hmacSha256(key, data))).toBe(expected);
        // The second time with the same key uses the kept pads.
        expect(hex(NODE_HASHES.hmacSha256(key, data))).toBe(expected);
        expect(hex(NODE_HASHES.hmacSha256(key, data))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('HMAC-SHA-256 of RFC 4231 test case 2', () => {
    const key = new TextEncoder().encode('Jefe');
    const data = new TextEncoder().encode('what do ya want for nothing?');
    expect(hex(NODE_HASHES.hmacSha256(key, data))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  test("H(A1) of RFC 7616 §3.9.1's user hashes the same either way", () => {
    // The MD5 golden value from Python's hashlib, a third implementation.
    const a1 = 'Mufasa:http-auth@example.org:Circle of Life';
    const expected = NAMES.map((name) => digestHex(name, a1));
    setHashBackend(NODE_HASHES);
    expect(NAMES.map((name) => digestHex(name, a1))).toEqual(expected);
    expect(expected[0]).toBe('3d78807defe7de2157e2b0b6573a855f');
  });

  test('a nonce signed by one backend is checked by the other', () => {
    const secret = new TextEncoder().encode('x'.repeat(32));
    const random = new Uint8Array(12).fill(7);
    const now = 1_700_000_000_000;
    setHashBackend(NODE_HASHES);
    const byNode = createDigestNonce({ secret, now, random });
    setHashBackend(NOBLE_HASHES);
    expect(createDigestNonce({ secret, now, random })).toBe(byNode);
    expect(checkDigestNonce(byNode, { secret, now: now + 1000, maxAgeMs: 60_000 })).toEqual({ kind: 'fresh', issuedAt: now });
  });
});
