/** @jest-environment node */
import { createMemoryStore } from '@/lib/sandbox/store/memory';
import { s256Challenge } from '@/lib/oauth/pkce';
import { redeemCode } from '@/lib/sandbox/oauth/authorization-code';
import { registerClient } from '@/lib/sandbox/oauth/client-registration';
import { decideConsent } from '@/lib/sandbox/oauth/consent';

const secret = new TextEncoder().encode('oauth-test-secret-of-at-least-32-characters');
const NOW = Date.UTC(2026, 11, 6, 10, 0, 0);
const settings = { issuer: 'https://lab.example/api/sandbox/oauth', resources: ['https://lab.example/api/sandbox/mcp'], scopes: ['mcp:tools'] };
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const users = [
  { name: 'alice', password: 'wonderland' },
  { name: 'bob', password: 'builder' },
];
let n = 0;
const options = { secret, now: NOW, random: (length: number) => new Uint8Array(length).map(() => (n += 13) % 256), users };

let clientId = '';
beforeAll(async () => {
  const registration = await registerClient({ redirect_uris: ['http://127.0.0.1/callback'] }, { secret, now: NOW });
  if (registration.kind !== 'registered') throw new Error('registration refused');
  clientId = String(registration.body.client_id);
});

const form = (fields: Record<string, string>) =>
  new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: 'http://127.0.0.1:5173/callback',
    state: 's1',
    scope: 'mcp:tools',
    resource: 'https://lab.example/api/sandbox/mcp',
    code_challenge: s256Challenge(VERIFIER),
    code_challenge_method: 'S256',
    ...fields,
  });

describe('the consent form', () => {
  test('alice allows: back to the client with a code, its state and the issuer; the code redeems for alice', async () => {
    const outcome = await decideConsent(form({ username: 'alice', password: 'wonderland', decision: 'allow' }), settings, options);
    expect(outcome.kind).toBe('redirect');
    if (outcome.kind !== 'redirect') return;
    const location = new URL(outcome.location);
    expect(`${location.origin}${location.pathname}`).toBe('http://127.0.0.1:5173/callback');
    expect(location.searchParams.get('state')).toBe('s1');
    expect(location.searchParams.get('iss')).toBe(settings.issuer);
    const code = location.searchParams.get('code') ?? '';
    const redeemed = await redeemCode(
      { code, clientId, redirectUri: 'http://127.0.0.1:5173/callback', codeVerifier: VERIFIER, resource: 'https://lab.example/api/sandbox/mcp' },
      { secret, now: NOW + 5_000, redeemed: createMemoryStore({ now: () => NOW }) },
    );
    // A password alone, signed in now: acr password, auth_time this second (RFC 9470 §2, RFC 9068 §2.2.1).
    expect(redeemed).toEqual({
      kind: 'redeemed',
      subject: 'alice',
      resource: 'https://lab.example/api/sandbox/mcp',
      scope: ['mcp:tools'],
      acr: 'password',
      authTime: NOW / 1000,
    });
  });

  const redeemedFrom = async (location: string) =>
    redeemCode(
      {
        code: new URL(location).searchParams.get('code') ?? '',
        clientId,
        redirectUri: 'http://127.0.0.1:5173/callback',
        codeVerifier: VERIFIER,
        resource: 'https://lab.example/api/sandbox/mcp',
      },
      { secret, now: NOW + 5_000, redeemed: createMemoryStore({ now: () => NOW }) },
    );

  test('acr_values=mfa: the page asks for the one-time code; the right code gives acr mfa, a wrong or missing one the page again', async () => {
    const stepUp = { acr_values: 'mfa', max_age: '120' };
    const missing = await decideConsent(form({ ...stepUp, username: 'bob', password: 'builder', decision: 'allow' }), settings, options);
    expect(missing.kind === 'consent-again' && missing.problem).toContain('one-time code is wrong');
    expect(missing.kind === 'consent-again' && missing.request).toMatchObject({ acrValues: ['mfa'], maxAge: 120 });
    const wrong = await decideConsent(form({ ...stepUp, username: 'bob', password: 'builder', otp: '000000', decision: 'allow' }), settings, options);
    expect(wrong.kind).toBe('consent-again');
    const right = await decideConsent(form({ ...stepUp, username: 'bob', password: 'builder', otp: '246810', decision: 'allow' }), settings, options);
    expect(right.kind).toBe('redirect');
    if (right.kind !== 'redirect') return;
    await expect(redeemedFrom(right.location)).resolves.toMatchObject({ subject: 'bob', acr: 'mfa', authTime: NOW / 1000 });
  });

  test('acr_values naming only classes the lab does not have: a password sign-in, acr password (the resource decides)', async () => {
    const outcome = await decideConsent(
      form({ acr_values: 'urn:example:loa:4', username: 'alice', password: 'wonderland', decision: 'allow' }),
      settings,
      options,
    );
    expect(outcome.kind).toBe('redirect');
    if (outcome.kind !== 'redirect') return;
    await expect(redeemedFrom(outcome.location)).resolves.toMatchObject({ acr: 'password' });
  });

  test.each(['-1', '1.5', 'soon', '1234567890'])('max_age=%s goes back as invalid_request', async (maxAge) => {
    const outcome = await decideConsent(form({ max_age: maxAge, username: 'alice', password: 'wonderland', decision: 'allow' }), settings, options);
    expect(outcome.kind === 'redirect' && new URL(outcome.location).searchParams.get('error')).toBe('invalid_request');
  });

  test('deny: access_denied back to the client', async () => {
    const outcome = await decideConsent(form({ decision: 'deny' }), settings, options);
    expect(outcome.kind === 'redirect' && new URL(outcome.location).searchParams.get('error')).toBe('access_denied');
  });

  test.each([
    [{ username: 'alice', password: 'looking-glass', decision: 'allow' }, 'do not match'],
    [{ username: 'mallory', password: 'wonderland', decision: 'allow' }, 'do not match'],
    [{ username: 'alice', password: 'wonderland' }, 'Choose Allow or Deny'],
  ])('%j: the page again, saying why, and no code', async (fields, says) => {
    const outcome = await decideConsent(form(fields), settings, options);
    expect(outcome.kind).toBe('consent-again');
    expect(outcome.kind === 'consent-again' && outcome.problem).toContain(says);
  });

  test('a form whose carried request was tampered with is decided again: no redirect to an unregistered URI', async () => {
    const outcome = await decideConsent(
      form({ username: 'alice', password: 'wonderland', decision: 'allow', redirect_uri: 'https://evil.example/cb' }),
      settings,
      options,
    );
    expect(outcome.kind).toBe('error-page');
  });
});
