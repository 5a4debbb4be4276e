/** @jest-environment node */
import { createMemoryStore } from '@/lib/sandbox/store/memory';
import { redeemCode, issueCode } from '@/lib/sandbox/oauth/authorization-code';
import { clientSecretFor, registerClient, registeredClient } from '@/lib/sandbox/oauth/client-registration';
import { s256Challenge } from '@/lib/oauth/pkce';

const secret = new TextEncoder().encode('oauth-test-secret-of-at-least-32-characters');
const NOW = Date.UTC(2026, 11, 6, 10, 0, 0);
let counter = 0;
const random = (length: number) => new Uint8Array(length).map(() => (counter += 7) % 256);
const options = { secret, now: NOW };

describe('dynamic client registration (RFC 7591)', () => {
  test('a public client gets a client id that is its registration, and no secret', async () => {
    const registration = await registerClient({ redirect_uris: ['http://127.0.0.1/callback'], client_name: 'MCP Inspector', extra: 1 }, options);
    expect(registration.kind).toBe('registered');
    if (registration.kind !== 'registered') return;
    expect(registration.status).toBe(201);
    expect(registration.body).toMatchObject({
      client_id_issued_at: NOW / 1000,
      redirect_uris: ['http://127.0.0.1/callback'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      client_name: 'MCP Inspector',
    });
    expect(registration.body).not.toHaveProperty('client_secret');
    await expect(registeredClient(String(registration.body.client_id), options)).resolves.toEqual({
      clientId: registration.body.client_id,
      redirectUris: ['http://127.0.0.1/callback'],
      grantTypes: ['authorization_code'],
      tokenEndpointAuthMethod: 'none',
      clientName: 'MCP Inspector',
    });
  });

  test('a confidential client gets a secret the server can recompute', async () => {
    const registration = await registerClient({ redirect_uris: ['https://app.example/cb'], token_endpoint_auth_method: 'client_secret_basic' }, options);
    if (registration.kind !== 'registered') throw new Error('refused');
    expect(registration.body.client_secret).toBe(await clientSecretFor(String(registration.body.client_id), secret));
    expect(registration.body.client_secret_expires_at).toBe(0);
  });

  test.each([
    [{}, 'invalid_redirect_uri', 'redirect_uris'],
    [{ redirect_uris: [] }, 'invalid_redirect_uri', 'at least one redirect URI'],
    [{ redirect_uris: ['http://app.example/cb'] }, 'invalid_redirect_uri', 'plain http is allowed only to this machine'],
    [{ redirect_uris: ['https://app.example/cb#x'] }, 'invalid_redirect_uri', 'fragment'],
    [{ redirect_uris: ['javascript:alert(1)'] }, 'invalid_redirect_uri', 'scheme javascript'],
    [{ redirect_uris: ['https://app.example/cb'], grant_types: ['implicit'] }, 'invalid_client_metadata', 'not implicit'],
    [{ redirect_uris: ['https://app.example/cb'], response_types: ['token'] }, 'invalid_client_metadata', 'only "code"'],
    [{ redirect_uris: ['https://app.example/cb'], token_endpoint_auth_method: 'private_key_jwt' }, 'invalid_client_metadata', 'not private_key_jwt'],
    [{ redirect_uris: ['https://app.example/cb'], client_id: 'https://app.example/client.json' }, 'invalid_client_metadata', 'never fetches'],
    ['not an object', 'invalid_client_metadata', 'body'],
    [{ redirect_uris: ['https://app.example/cb'], client_name: 'a\nb' }, 'invalid_client_metadata', 'client_name'],
  ])('%j is refused with %s', async (body, error, says) => {
    const registration = await registerClient(body, options);
    expect(registration.kind).toBe('refused');
    if (registration.kind !== 'refused') return;
    expect(registration.status).toBe(400);
    expect(registration.error.error).toBe(error);
    expect(registration.error.description).toContain(says);
  });

  test('a client id this server did not sign names no client', async () => {
    await expect(registeredClient('made-up', options)).resolves.toBeUndefined();
  });
});

describe('authorization codes', () => {
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const grant = {
    clientId: 'client-a',
    redirectUri: 'http://127.0.0.1:5000/cb',
    codeChallenge: s256Challenge(verifier),
    resource: 'https://lab.example/mcp',
    scope: ['mcp:tools'],
    subject: 'alice',
    acr: 'mfa',
    authTime: 1_796_000_000,
  };
  const request = { clientId: 'client-a', redirectUri: 'http://127.0.0.1:5000/cb', codeVerifier: verifier, resource: 'https://lab.example/mcp' };

  test('redeemed once for the grant it carries; a second use is refused', async () => {
    const redeemed = createMemoryStore({ now: () => NOW });
    const code = await issueCode(grant, { ...options, random });
    await expect(redeemCode({ ...request, code }, { ...options, redeemed })).resolves.toEqual({
      kind: 'redeemed',
      subject: 'alice',
      resource: 'https://lab.example/mcp',
      scope: ['mcp:tools'],
      // How and when the user signed in travel with the code into the token (RFC 9470, RFC 9068 §2.2.1).
      acr: 'mfa',
      authTime: 1_796_000_000,
    });
    const again = await redeemCode({ ...request, code }, { ...options, redeemed });
    expect(again).toMatchObject({ kind: 'refused', error: { error: 'invalid_grant', description: expect.stringContaining('already used') } });
  });

  test.each([
    ['another client', { clientId: 'client-b' }, 'invalid_grant', 'another client'],
    ['another redirect URI', { redirectUri: 'http://127.0.0.1:5001/cb' }, 'invalid_grant', 'redirect_uri must be'],
    ['no verifier', { codeVerifier: undefined }, 'invalid_grant', 'code_verifier is missing'],
    ['a wrong verifier', { codeVerifier: 'x'.repeat(43) }, 'invalid_grant', 'does not match'],
    ['a malformed verifier', { codeVerifier: 'short' }, 'invalid_request', '43 to 128'],
    ['another resource', { resource: 'https://lab.example/other' }, 'invalid_target', 'RFC 8707 §2.2'],
  ])('with %s is refused, and the code is spent', async (_name, change, error, says) => {
    const redeemed = createMemoryStore({ now: () => NOW });
    const code = await issueCode(grant, { ...options, random });
    const result = await redeemCode({ ...request, ...change, code }, { ...options, redeemed });
    expect(result).toMatchObject({ kind: 'refused', error: { error, description: expect.stringContaining(says) } });
    await expect(redeemCode({ ...request, code }, { ...options, redeemed })).resolves.toMatchObject({
      kind: 'refused',
      error: { description: expect.stringContaining('already used') },
    });
  });

  test('an expired code, a forged one and a client id passed as a code are refused', async () => {
    const redeemed = createMemoryStore({ now: () => NOW });
    const code = await issueCode(grant, { ...options, random });
    await expect(redeemCode({ ...request, code }, { secret, now: NOW + 61_000, redeemed })).resolves.toMatchObject({
      error: { error: 'invalid_grant', description: expect.stringContaining('expired') },
    });
    await expect(redeemCode({ ...request, code: `${code}x` }, { ...options, redeemed })).resolves.toMatchObject({
      error: { error: 'invalid_grant', description: expect.stringContaining('not an authorization code') },
    });
    const registration = await registerClient({ redirect_uris: ['https://app.example/cb'] }, options);
    const clientId = registration.kind === 'registered' ? String(registration.body.client_id) : '';
    await expect(redeemCode({ ...request, code: clientId }, { ...options, redeemed })).resolves.toMatchObject({ error: { error: 'invalid_grant' } });
  });
});
