/** @jest-environment node */
import { s256Challenge } from '@/lib/oauth/pkce';
import { decideAuthorization } from '@/lib/sandbox/oauth/authorization-request';
import { registerClient } from '@/lib/sandbox/oauth/client-registration';

const secret = new TextEncoder().encode('oauth-test-secret-of-at-least-32-characters');
const NOW = Date.UTC(2026, 11, 6, 10, 0, 0);
const options = { secret, now: NOW };
const settings = { issuer: 'https://lab.example/api/sandbox/oauth', resources: ['https://lab.example/api/sandbox/mcp'], scopes: ['mcp:tools', 'profile'] };
const CHALLENGE = s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');

let clientId = '';
beforeAll(async () => {
  const registration = await registerClient({ redirect_uris: ['http://127.0.0.1/callback', 'https://app.example/cb'] }, options);
  if (registration.kind !== 'registered') throw new Error('registration refused');
  clientId = String(registration.body.client_id);
});

const query = (overrides: Record<string, string | undefined | string[]> = {}) => {
  const base: Record<string, string | undefined | string[]> = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: 'https://app.example/cb',
    state: 'af0ifjsldkj',
    scope: 'mcp:tools',
    resource: 'https://lab.example/api/sandbox/mcp',
    code_challenge: CHALLENGE,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(base)) for (const one of [value].flat()) if (one !== undefined) params.append(name, one);
  return params;
};

describe('the authorization endpoint’s decision', () => {
  test('a verified request goes to the consent page, with what the form must carry', async () => {
    const decision = await decideAuthorization(query(), settings, options);
    expect(decision).toMatchObject({
      kind: 'consent',
      request: {
        redirectUri: 'https://app.example/cb',
        state: 'af0ifjsldkj',
        scope: ['mcp:tools'],
        resource: 'https://lab.example/api/sandbox/mcp',
        codeChallenge: CHALLENGE,
      },
    });
  });

  test('a loopback redirect URI on another port is accepted and kept as sent (RFC 8252 §7.3)', async () => {
    const decision = await decideAuthorization(query({ redirect_uri: 'http://127.0.0.1:49152/callback' }), settings, options);
    expect(decision).toMatchObject({ kind: 'consent', request: { redirectUri: 'http://127.0.0.1:49152/callback' } });
  });

  test.each([
    ['no client_id', { client_id: undefined }, 'client_id is missing'],
    ['a client id this server did not issue', { client_id: 'someone-else' }, 'names no client'],
    ['no redirect_uri', { redirect_uri: undefined }, 'redirect_uri is missing'],
    ['an unregistered redirect_uri (an open-redirect attempt)', { redirect_uri: 'https://evil.example/cb' }, 'is not one this client registered'],
    ['a registered one with something appended', { redirect_uri: 'https://app.example/cb?next=https://evil.example' }, 'is not one this client registered'],
    ['redirect_uri twice', { redirect_uri: ['https://app.example/cb', 'https://evil.example/cb'] }, 'more than once'],
  ])('%s: an error page, never a redirect', async (_name, overrides, says) => {
    const decision = await decideAuthorization(query(overrides), settings, options);
    expect(decision.kind).toBe('error-page');
    expect(decision.kind === 'error-page' && decision.description).toContain(says);
  });

  test.each([
    ['no response_type', { response_type: undefined }, 'invalid_request'],
    ['response_type=token (implicit)', { response_type: 'token' }, 'unsupported_response_type'],
    ['no code_challenge', { code_challenge: undefined }, 'invalid_request'],
    ['code_challenge_method=plain', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['no code_challenge_method (plain by default)', { code_challenge_method: undefined }, 'invalid_request'],
    ['no resource', { resource: undefined }, 'invalid_target'],
    ['another resource', { resource: 'https://elsewhere.example/api' }, 'invalid_target'],
    ['an unknown scope', { scope: 'mcp:tools admin' }, 'invalid_scope'],
    ['state twice', { state: ['a', 'b'] }, 'invalid_request'],
  ])('%s: back to the verified client with %s, its state and the issuer', async (_name, overrides, error) => {
    const decision = await decideAuthorization(query(overrides), settings, options);
    expect(decision.kind).toBe('redirect');
    if (decision.kind !== 'redirect') return;
    const location = new URL(decision.location);
    expect(`${location.origin}${location.pathname}`).toBe('https://app.example/cb');
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('error_description')).toMatch(/RFC|offered|missing/);
    expect(location.searchParams.get('iss')).toBe(settings.issuer);
    if (!('state' in overrides)) expect(location.searchParams.get('state')).toBe('af0ifjsldkj');
  });
});
