/** @jest-environment node */
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { checkAccessToken, issueAccessToken } from '@/lib/sandbox/oauth/access-token';
import { jwks, signingKey } from '@/lib/sandbox/oauth/signing-key';

const secret = new TextEncoder().encode('oauth-test-secret-of-at-least-32-characters');
const other = new TextEncoder().encode('another-secret-of-at-least-32-characters!!');
const NOW = Date.UTC(2026, 11, 6, 10, 0, 0);
const ISSUER = 'https://lab.example/api/sandbox/oauth';
const RESOURCE = 'https://lab.example/api/sandbox/mcp';
const random = (length: number) => new Uint8Array(length).map((_, i) => i);
const grant = { issuer: ISSUER, resource: RESOURCE, subject: 'alice', clientId: 'client-1', scope: ['mcp:tools'], lifetimeSeconds: 300 };
const check = (token: string, overrides: Partial<{ now: number; resource: string; issuer: string; secret: Uint8Array }> = {}) =>
  checkAccessToken(token, { secret, now: NOW, issuer: ISSUER, resource: RESOURCE, ...overrides });

describe('the authorization server’s signing key', () => {
  test('is the same for the same secret (every instance signs alike) and differs for another', async () => {
    const [a, b, c] = await Promise.all([jwks(secret), jwks(new TextEncoder().encode('oauth-test-secret-of-at-least-32-characters')), jwks(other)]);
    expect(a).toEqual(b);
    expect(a.keys[0]?.kid).not.toBe(c.keys[0]?.kid);
    // Only public members are published.
    expect(Object.keys(a.keys[0] ?? {}).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
  });
});

describe('access tokens (RFC 9068)', () => {
  test('carry every claim §2.2 requires, typ at+jwt, and verify against the published JWKS', async () => {
    const token = await issueAccessToken(grant, { secret, now: NOW, random });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'EdDSA', typ: 'at+jwt', kid: (await signingKey(secret)).publicJwk.kid });
    const claims = decodeJwt(token);
    expect(Object.keys(claims).sort()).toEqual(['aud', 'client_id', 'exp', 'iat', 'iss', 'jti', 'scope', 'sub']);
    expect(claims).toMatchObject({ iss: ISSUER, aud: RESOURCE, sub: 'alice', client_id: 'client-1', scope: 'mcp:tools', exp: NOW / 1000 + 300 });
    // What a third-party resource server would do: fetch the JWKS and verify.
    await expect(
      jwtVerify(token, createLocalJWKSet(await jwks(secret)), { issuer: ISSUER, audience: RESOURCE, currentDate: new Date(NOW) }),
    ).resolves.toBeDefined();
    await expect(check(token)).resolves.toEqual({ kind: 'valid', subject: 'alice', clientId: 'client-1', scope: ['mcp:tools'], expiresInSeconds: 300 });
  });

  test('a token for another resource is refused, naming the audience it was for (RFC 8707 §2)', async () => {
    const token = await issueAccessToken({ ...grant, resource: 'https://lab.example/api/sandbox/other' }, { secret, now: NOW, random });
    await expect(check(token)).resolves.toEqual({ kind: 'wrong-audience', audience: ['https://lab.example/api/sandbox/other'] });
  });

  test.each([
    ['expired', { now: NOW + 301_000 }, { kind: 'expired', expiredSecondsAgo: 1 }],
    ['from another issuer', { issuer: 'https://elsewhere.example' }, { kind: 'wrong-issuer', issuer: ISSUER }],
    ['signed by another instance’s key', { secret: other }, { kind: 'bad-signature' }],
  ])('a token checked %s is refused', async (_name, overrides, expected) => {
    const token = await issueAccessToken(grant, { secret, now: NOW, random });
    await expect(check(token, overrides)).resolves.toEqual(expected);
  });

  test('a JWT of another type (an ID token, the sandbox’s own HS256 tokens) is not taken for an access token (RFC 9068 §4)', async () => {
    const hs = await new SignJWT({ scope: 'x' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setAudience(RESOURCE).setIssuer(ISSUER).sign(secret);
    await expect(check(hs)).resolves.toEqual({ kind: 'wrong-type', type: 'JWT' });
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).setAudience(RESOURCE).setIssuer(ISSUER).sign(secret);
    await expect(check(forged)).resolves.toEqual({ kind: 'bad-signature' });
    await expect(check('not.a.jwt')).resolves.toEqual({ kind: 'malformed' });
  });
});
