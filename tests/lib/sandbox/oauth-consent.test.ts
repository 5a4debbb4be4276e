/** @jest-environment node */
import { boundedMap } from '@/lib/sandbox/context';
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
      { secret, now: NOW + 5_000, redeemed: boundedMap(10) },
    );
    expect(redeemed).toEqual({ kind: 'redeemed', subject: 'alice', resource: 'https://lab.example/api/sandbox/mcp', scope: ['mcp:tools'] });
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
