import { checkDigestNonce, createDigestNonce } from '@/lib/http-auth';
import { checkNonceRemembered, rememberedNonceCount, VERIFIED_NONCE_LIMIT } from '@/lib/sandbox/engine/verified-nonces';

// The remembered nonce check must answer exactly what checkDigestNonce answers, at every moment.

const random = (seed: number) => Uint8Array.from({ length: 12 }, (_, i) => (seed * 31 + i) & 0xff);
const MAX_AGE = 300_000;

describe('checkNonceRemembered agrees with checkDigestNonce', () => {
  const secret = new TextEncoder().encode('a-secret-of-at-least-thirty-two-characters');
  const issued = 1_700_000_000_000;
  const nonce = createDigestNonce({ secret, now: issued, random: random(1) });
  const other = createDigestNonce({ secret: new TextEncoder().encode('another-secret-of-thirty-two-characters!'), now: issued, random: random(2) });
  const tampered = `${nonce.slice(0, 5)}${nonce[5] === 'A' ? 'B' : 'A'}${nonce.slice(6)}`;

  test.each([
    ['fresh', nonce, issued + 1_000],
    ['fresh at its last moment', nonce, issued + MAX_AGE],
    ['stale', nonce, issued + MAX_AGE + 1],
    ['from the future', nonce, issued - 1],
    ['fresh again, asked twice', nonce, issued + 5_000],
    ['signed with another secret', other, issued + 1_000],
    ['tampered', tampered, issued + 1_000],
    ['not base64', 'not a nonce!', issued],
    ['empty', '', issued],
  ])('%s', (_, value, now) => {
    const expected = checkDigestNonce(value, { secret, now, maxAgeMs: MAX_AGE });
    // Twice: the first call may store, the second answers from what was stored.
    expect(checkNonceRemembered(value, { secret, now, maxAgeMs: MAX_AGE })).toEqual(expected);
    expect(checkNonceRemembered(value, { secret, now, maxAgeMs: MAX_AGE })).toEqual(expected);
  });

  test('a nonce remembered under one secret is not valid under another', () => {
    const elsewhere = new TextEncoder().encode('a-secret-of-at-least-thirty-two-characters');
    const fresh = createDigestNonce({ secret, now: issued, random: random(3) });
    expect(checkNonceRemembered(fresh, { secret, now: issued, maxAgeMs: MAX_AGE }).kind).toBe('fresh');
    // Equal bytes in another array: its own record, checked again, same verdict.
    expect(checkNonceRemembered(fresh, { secret: elsewhere, now: issued, maxAgeMs: MAX_AGE }).kind).toBe('fresh');
    const different = new TextEncoder().encode('yet-another-secret-of-thirty-two-chars!!');
    expect(checkNonceRemembered(fresh, { secret: different, now: issued, maxAgeMs: MAX_AGE }).kind).toBe('invalid');
  });
});

describe('the remembered nonces are bounded', () => {
  test('forged nonces are never stored, signed ones up to the limit', () => {
    const secret = new TextEncoder().encode('bounded-secret-of-thirty-two-characters!');
    for (let i = 0; i < 50; i++) checkNonceRemembered(`forged${i}`, { secret, now: 0, maxAgeMs: MAX_AGE });
    expect(rememberedNonceCount(secret)).toBe(0);
    for (let i = 0; i < VERIFIED_NONCE_LIMIT + 20; i++) {
      const nonce = createDigestNonce({ secret, now: i, random: random(i) });
      expect(checkNonceRemembered(nonce, { secret, now: i, maxAgeMs: MAX_AGE }).kind).toBe('fresh');
    }
    expect(rememberedNonceCount(secret)).toBe(VERIFIED_NONCE_LIMIT);
  });
});
