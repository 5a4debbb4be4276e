/** @jest-environment node */
// The sandbox's HS256 Bearer tokens (lib/sandbox/engine/tokens.ts): issued by hand as the very bytes
// jose's SignJWT writes, verified by jose, and a token jose accepted once answered from a bounded
// per-secret cache (verified-tokens.ts) only while jose would still accept it.
import { jwtVerify, SignJWT } from 'jose';
import { NOBLE_HASHES, setHashBackend } from '@/lib/http-auth';
import { checkToken, issueToken, TOKEN_AUDIENCE, TOKEN_ISSUER, type TokenCheck } from '@/lib/sandbox/engine/tokens';
import { VERIFIED_TOKEN_LIMIT, verifiedCount } from '@/lib/sandbox/engine/verified-tokens';
import { NODE_HASHES } from '@/lib/sandbox/node-hashes';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const newSecret = () => crypto.getRandomValues(new Uint8Array(32));
const issue = (secret: Uint8Array, overrides: Partial<Parameters<typeof issueToken>[0]> = {}) =>
  issueToken({ subject: 'alice', scope: ['read'], lifetimeSeconds: 300, now: NOW, secret, ...overrides }).token;

/** A token with any claims, signed by jose itself. */
function joseToken(secret: Uint8Array, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
}

/** Flips one character in the middle of the signature (not the last, whose low bits base64url may ignore). */
function flipSignature(token: string): string {
  const at = token.lastIndexOf('.') + 10;
  return token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
}

afterEach(() => setHashBackend(NOBLE_HASHES));

describe('issueToken writes what SignJWT writes', () => {
  test.each([
    ['@noble/hashes', NOBLE_HASHES, 'alice', ['read']],
    ['node:crypto', NODE_HASHES, 'alice', ['read', 'write']],
    ['node:crypto, a non-ASCII subject', NODE_HASHES, 'zoë 名', ['read']],
    ['node:crypto, no scope', NODE_HASHES, 'bob', []],
    ['node:crypto, claims longer than the kept buffer (4096 bytes)', NODE_HASHES, 'é'.repeat(3000), ['read']],
  ] as const)('%s', async (_name, backend, subject, scope) => {
    setHashBackend(backend);
    const secret = newSecret();
    const token = issue(secret, { subject, scope: [...scope], lifetimeSeconds: 77 });
    const iat = Math.floor(NOW / 1000);
    const expected = await new SignJWT({ scope: scope.join(' ') })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(subject)
      .setIssuedAt(iat)
      .setExpirationTime(iat + 77)
      .sign(secret);
    expect(token).toBe(expected);
    const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], currentDate: new Date(NOW) });
    expect(payload).toEqual({ scope: scope.join(' '), iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: subject, iat, exp: iat + 77 });
  });

  test('refuses a time that is not a number, as SignJWT did (RFC 7519 §2 NumericDate)', () => {
    expect(() => issue(newSecret(), { lifetimeSeconds: Number.NaN })).toThrow(TypeError);
    expect(() => issue(newSecret(), { now: Number.POSITIVE_INFINITY })).toThrow(TypeError);
  });
});

describe('checkToken gives the same verdict whether or not a twin is cached', () => {
  type Case = [name: string, make: (secret: Uint8Array, valid: string) => Promise<string>, now: number, expected: TokenCheck];
  const iat = Math.floor(NOW / 1000);
  const cases: Case[] = [
    ['the valid token', async (_s, valid) => valid, NOW + 10_000, { kind: 'valid', subject: 'alice', scope: ['read'], expiresInSeconds: 290 }],
    ['the same token 12 s after it expired', async (_s, valid) => valid, NOW + 312_000, { kind: 'expired', expiredSecondsAgo: 12 }],
    ['the same token at its exp second exactly', async (_s, valid) => valid, NOW + 300_000, { kind: 'expired', expiredSecondsAgo: 0 }],
    ['its twin with a flipped signature byte', async (_s, valid) => flipSignature(valid), NOW, { kind: 'bad-signature' }],
    ['the same claims under another secret', async () => issue(newSecret()), NOW, { kind: 'bad-signature' }],
    ['another audience', (s) => joseToken(s, { iss: TOKEN_ISSUER, aud: 'elsewhere', sub: 'alice', exp: iat + 300 }), NOW, { kind: 'wrong-audience' }],
    ['another issuer', (s) => joseToken(s, { iss: 'elsewhere', aud: TOKEN_AUDIENCE, sub: 'alice', exp: iat + 300 }), NOW, { kind: 'wrong-audience' }],
    [
      'nbf in the future',
      (s) => joseToken(s, { iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: 'alice', nbf: iat + 60, exp: iat + 300 }),
      NOW,
      { kind: 'malformed' },
    ],
    ['not a JWT', async () => 'not-a-jwt', NOW, { kind: 'malformed' }],
  ];

  test.each(cases)('%s', async (_name, make, now, expected) => {
    for (const warm of [false, true]) {
      const secret = newSecret();
      const valid = issue(secret);
      if (warm) await expect(checkToken(valid, { now: NOW, secret })).resolves.toMatchObject({ kind: 'valid' });
      const token = await make(secret, valid);
      await expect(checkToken(token, { now, secret })).resolves.toEqual(expected);
      // Asked again, the answer is the same (a cached verdict must not change it).
      await expect(checkToken(token, { now, secret })).resolves.toEqual(expected);
    }
  });
});

describe('the verified-token cache', () => {
  test('a hit re-checks exp against the clock: valid, then expired N s ago as time passes', async () => {
    const secret = newSecret();
    const token = issue(secret, { lifetimeSeconds: 60 });
    const at = (seconds: number) => checkToken(token, { now: NOW + seconds * 1000, secret });
    await expect(at(0)).resolves.toMatchObject({ kind: 'valid', expiresInSeconds: 60 });
    expect(verifiedCount(secret)).toBe(1);
    await expect(at(59.999)).resolves.toMatchObject({ kind: 'valid', expiresInSeconds: 1 });
    await expect(at(60)).resolves.toEqual({ kind: 'expired', expiredSecondsAgo: 0 });
    await expect(at(75)).resolves.toEqual({ kind: 'expired', expiredSecondsAgo: 15 });
    expect(verifiedCount(secret)).toBe(0);
  });

  test('is kept per secret: a token cached under one secret is refused under another', async () => {
    const secret = newSecret();
    const token = issue(secret);
    await checkToken(token, { now: NOW, secret });
    await expect(checkToken(token, { now: NOW, secret: newSecret() })).resolves.toEqual({ kind: 'bad-signature' });
    // Equal bytes in another array are another secret to the cache, but jose still accepts them.
    await expect(checkToken(token, { now: NOW, secret: secret.slice() })).resolves.toMatchObject({ kind: 'valid' });
  });

  test('never stores a payload with nbf, whose verdict depends on time in a way a hit does not re-check', async () => {
    const secret = newSecret();
    const iat = Math.floor(NOW / 1000);
    const token = await joseToken(secret, { iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, sub: 'alice', nbf: iat - 10, exp: iat + 300 });
    await expect(checkToken(token, { now: NOW, secret })).resolves.toMatchObject({ kind: 'valid', subject: 'alice' });
    expect(verifiedCount(secret)).toBe(0);
    await expect(checkToken(token, { now: NOW - 20_000, secret })).resolves.toEqual({ kind: 'malformed' });
  });

  test(`holds at most ${VERIFIED_TOKEN_LIMIT} tokens per secret, however many distinct ones arrive`, async () => {
    const secret = newSecret();
    // Half as many again as the bound: each is a full jose verification (about 0.2 ms, more on a busy CI).
    const count = Math.floor(VERIFIED_TOKEN_LIMIT * 1.5);
    for (let i = 0; i < count; i++) {
      const token = issue(secret, { subject: `user-${i}` });
      expect(await checkToken(token, { now: NOW, secret })).toMatchObject({ kind: 'valid', subject: `user-${i}` });
    }
    expect(verifiedCount(secret)).toBe(VERIFIED_TOKEN_LIMIT);
  }, 60_000);
});
