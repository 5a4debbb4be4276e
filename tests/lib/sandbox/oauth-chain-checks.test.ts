import { followable, pkceSupport, readRedirect } from '@/lib/sandbox/exchange/oauth-chain/checks';
import { pageProblem, readConsentForm } from '@/lib/sandbox/exchange/oauth-chain/consent-form';
import { readServerMetadata } from '@/lib/sandbox/exchange/oauth-chain/discovery';
import { consentPage, authorizationErrorPage } from '@/lib/sandbox/oauth/consent-page';
import { labAuthorizationServerMetadata } from '@/lib/sandbox/oauth/lab-metadata';

// The checks the playground's OAuth client makes, on their own: some of these documents the lab never
// serves (a plain-only server, another origin), so only a pure function can show they are refused.

const ORIGIN = 'http://lab.example';

describe('pkceSupport (RFC 7636 §4.2; the MCP specification refuses a server without S256)', () => {
  test.each([
    [['S256'], 's256'],
    [['plain', 'S256'], 's256'],
    [['plain'], 'no-s256'],
    [[], 'no-s256'],
    [undefined, 'not-advertised'],
  ] as const)('%j → %s', (methods, kind) => {
    expect(pkceSupport({ code_challenge_methods_supported: methods === undefined ? undefined : [...methods] }).kind).toBe(kind);
  });

  test('a plain-only server stops the chain at its metadata, saying why', () => {
    const doc = { ...labAuthorizationServerMetadata(ORIGIN), code_challenge_methods_supported: ['plain'] };
    const verdict = readServerMetadata({ status: 200, headers: [], body: JSON.stringify(doc) }, `${ORIGIN}/api/sandbox/oauth`, ORIGIN);
    expect(verdict).toEqual({ kind: 'stop', explanation: expect.stringContaining('only as plain, not S256') });
  });

  test('the lab’s own metadata gives the three endpoints as paths on its origin', () => {
    const verdict = readServerMetadata(
      { status: 200, headers: [], body: JSON.stringify(labAuthorizationServerMetadata(ORIGIN)) },
      `${ORIGIN}/api/sandbox/oauth`,
      ORIGIN,
    );
    expect(verdict).toMatchObject({
      kind: 'follow',
      value: { register: '/api/sandbox/oauth/register', authorize: '/api/sandbox/oauth/authorize', token: '/api/sandbox/oauth/token' },
    });
  });
});

describe('followable: only the lab’s own origin', () => {
  test.each([
    [`${ORIGIN}/.well-known/x?y=1`, { kind: 'follow', target: '/.well-known/x?y=1' }],
    ['http://lab.example:8080/x', { kind: 'other-origin', origin: 'http://lab.example:8080' }],
    ['https://lab.example/x', { kind: 'other-origin', origin: 'https://lab.example' }],
    ['http://169.254.169.254/latest/meta-data', { kind: 'other-origin', origin: 'http://169.254.169.254' }],
    ['/relative', { kind: 'not-a-url' }],
    [undefined, { kind: 'not-a-url' }],
  ])('%s', (value, expected) => {
    expect(followable(value, ORIGIN)).toMatchObject(expected);
  });
});

describe('readRedirect (RFC 6749 §4.1.2, §10.12; RFC 9207 §2.4)', () => {
  const expected = { redirectUri: 'http://127.0.0.1/callback', state: 's1', issuer: `${ORIGIN}/api/sandbox/oauth` };
  const iss = encodeURIComponent(expected.issuer);
  test.each([
    [`http://127.0.0.1/callback?code=c1&state=s1&iss=${iss}`, { kind: 'code', code: 'c1' }],
    [`http://127.0.0.1/callback?error=access_denied&error_description=no&state=s1&iss=${iss}`, { kind: 'error', error: 'access_denied', description: 'no' }],
    [`http://127.0.0.1/callback?code=c1&state=s2&iss=${iss}`, { kind: 'refused', problem: expect.stringContaining('state') }],
    ['http://127.0.0.1/callback?code=c1&state=s1', { kind: 'refused', problem: expect.stringContaining('iss') }],
    [
      `http://127.0.0.1/callback?code=c1&state=s1&iss=${encodeURIComponent('https://other.example')}`,
      { kind: 'refused', problem: expect.stringContaining('RFC 9207') },
    ],
    [`https://attacker.example/callback?code=c1&state=s1&iss=${iss}`, { kind: 'refused', problem: expect.stringContaining('not the redirect URI') }],
    [undefined, { kind: 'refused', problem: expect.stringContaining('no Location') }],
  ])('%s', (location, reading) => {
    expect(readRedirect(location, expected)).toEqual(reading);
  });
});

describe('the consent page as the browser reads it', () => {
  const request = {
    client: { clientId: 'id"&<x>', redirectUris: ['http://127.0.0.1/callback'], grantTypes: ['authorization_code'], tokenEndpointAuthMethod: 'none' as const },
    redirectUri: 'http://127.0.0.1/callback',
    state: "it's & <ok>",
    scope: ['whoami'],
    resource: `${ORIGIN}/api/sandbox/oauth/whoami`,
    codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    acrValues: [],
    maxAge: undefined,
  };

  test('its form action and hidden fields, unescaped', () => {
    const form = readConsentForm(consentPage(request, '/api/sandbox/oauth/authorize'));
    expect(form?.action).toBe('/api/sandbox/oauth/authorize');
    expect(Object.fromEntries(form?.fields ?? [])).toEqual({
      response_type: 'code',
      client_id: 'id"&<x>',
      redirect_uri: 'http://127.0.0.1/callback',
      state: "it's & <ok>",
      scope: 'whoami',
      resource: request.resource,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
    });
  });

  test('the problem it announces, and no form on an error page', () => {
    expect(pageProblem(consentPage(request, '/a', 'Wrong <password>.'))).toBe('Not signed in: Wrong <password>.');
    expect(pageProblem(consentPage(request, '/a'))).toBeUndefined();
    expect(readConsentForm(authorizationErrorPage('Unknown client.'))).toBeUndefined();
    expect(pageProblem(authorizationErrorPage('Unknown client.'))).toBe('Unknown client.');
  });
});
