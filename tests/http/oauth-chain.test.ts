// The chain an MCP client follows from a 401, run by oauth4webapi (a spec-strict OAuth client from npm)
// against the production server: the resource's 401 names its metadata (RFC 9728 §5.1), the metadata
// names the authorization server (RFC 8414), the client registers (RFC 7591), a user signs in on the
// consent page (this test submits its form, as a browser would), the code is exchanged with PKCE and a
// resource (RFC 7636, RFC 8707), and the token opens the resource. Then the refusals the issue names.
import * as oauth from 'oauth4webapi';
import { parseChallenges } from '@/lib/http-auth';
import { submitConsent } from './support/consent-form';
import { baseUrl } from './support/lab';

const insecure = { [oauth.allowInsecureRequests]: true } as const; // the test server speaks http on loopback
const RESOURCE_PATH = '/api/sandbox/oauth/whoami';
const REDIRECT = 'http://127.0.0.1:51515/callback';

async function discover() {
  const resource = new URL(RESOURCE_PATH, baseUrl());
  const unauthorized = await fetch(resource);
  expect(unauthorized.status).toBe(401);
  const parsed = parseChallenges(unauthorized.headers.get('www-authenticate') ?? '');
  const challenge = parsed.ok ? parsed.value[0] : undefined;
  expect(challenge?.scheme).toBe('Bearer');
  const metadataUrl = challenge?.params.resource_metadata ?? '';
  expect(metadataUrl).toBe(new URL(`/.well-known/oauth-protected-resource${RESOURCE_PATH}`, baseUrl()).href);
  // RFC 9728 §3.3: the document must name exactly the resource the client asked for; oauth4webapi checks.
  const rs = await oauth.processResourceDiscoveryResponse(resource, await oauth.resourceDiscoveryRequest(resource, insecure));
  const issuer = new URL(rs.authorization_servers?.[0] ?? '');
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  return { resource, as };
}

async function register(as: oauth.AuthorizationServer): Promise<oauth.Client> {
  const response = await oauth.dynamicClientRegistrationRequest(
    as,
    { redirect_uris: [REDIRECT], client_name: 'oauth4webapi in the tests', token_endpoint_auth_method: 'none' },
    insecure,
  );
  return (await oauth.processDynamicClientRegistrationResponse(response)) as oauth.Client;
}

/** The authorization request, the consent form submitted as alice, and the redirect it ends in. */
async function authorize(as: oauth.AuthorizationServer, client: oauth.Client, resource: URL, extra: Record<string, string> = {}) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint ?? '');
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: REDIRECT,
    scope: 'whoami',
    state,
    resource: resource.href,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  }))
    url.searchParams.set(name, value);
  const pageResponse = await fetch(url, { redirect: 'manual' });
  return { pageResponse, verifier, state };
}

const consent = (as: oauth.AuthorizationServer, html: string, fields: Record<string, string>) => submitConsent(as.authorization_endpoint ?? '', html, fields);

describe('the OAuth chain from a 401, through oauth4webapi', () => {
  test('discovery, registration, consent, code with PKCE and resource, token, resource', async () => {
    const { resource, as } = await discover();
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    const client = await register(as);
    const { pageResponse, verifier, state } = await authorize(as, client, resource);
    expect(pageResponse.status).toBe(200);
    // Its own policy only: the sandbox's default one beside it would block the page's stylesheet too.
    expect(pageResponse.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
    expect(pageResponse.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await pageResponse.text();
    expect(html).toContain('oauth4webapi in the tests');
    const redirected = await consent(as, html, { username: 'alice', password: 'wonderland', decision: 'allow' });
    expect(redirected.status).toBe(303);
    const callback = new URL(redirected.headers.get('location') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const tokenResponse = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, {
      additionalParameters: { resource: resource.href },
      ...insecure,
    });
    const token = await oauth.processAuthorizationCodeResponse(as, client, tokenResponse);
    expect(token.token_type).toBe('bearer');
    const answer = await oauth.protectedResourceRequest(token.access_token, 'GET', resource, new Headers(), null, insecure);
    expect(answer.status).toBe(200);
    await expect(answer.json()).resolves.toMatchObject({ sub: 'alice', scope: 'whoami', aud: resource.href });
  });

  test('a reused code and a wrong code_verifier are refused with invalid_grant', async () => {
    const { resource, as } = await discover();
    const client = await register(as);
    const { pageResponse, verifier, state } = await authorize(as, client, resource);
    const callback = new URL(
      (await consent(as, await pageResponse.text(), { username: 'alice', password: 'wonderland', decision: 'allow' })).headers.get('location') ?? '',
    );
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const wrong = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, oauth.generateRandomCodeVerifier(), insecure);
    await expect(oauth.processAuthorizationCodeResponse(as, client, wrong)).rejects.toMatchObject({ error: 'invalid_grant' });
    // The failed attempt spent the code: the right verifier now gets invalid_grant too.
    const reused = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, insecure);
    await expect(oauth.processAuthorizationCodeResponse(as, client, reused)).rejects.toMatchObject({
      error: 'invalid_grant',
      error_description: expect.stringContaining('already used'),
    });
  });

  test('an unregistered redirect_uri gets an error page and no redirect; plain PKCE goes back as invalid_request', async () => {
    const { resource, as } = await discover();
    const client = await register(as);
    const open = await authorize(as, client, resource, { redirect_uri: 'https://evil.example/callback' });
    expect(open.pageResponse.status).toBe(400);
    expect(open.pageResponse.headers.get('location')).toBeNull();
    await expect(open.pageResponse.text()).resolves.toContain('is not one this client registered');
    const plain = await authorize(as, client, resource, { code_challenge_method: 'plain' });
    expect(plain.pageResponse.status).toBe(302);
    const back = new URL(plain.pageResponse.headers.get('location') ?? '');
    expect([back.searchParams.get('error'), back.searchParams.get('state')]).toEqual(['invalid_request', plain.state]);
  });

  test('a token that is not one of this server’s access tokens is refused with invalid_token, saying why', async () => {
    const resource = new URL(RESOURCE_PATH, baseUrl());
    const form = new URLSearchParams({ grant_type: 'client_credentials', scope: 'read' });
    const sandboxToken = (await (
      await fetch(new URL('/api/sandbox/token', baseUrl()), { method: 'POST', headers: { Authorization: `Basic ${btoa('alice:wonderland')}` }, body: form })
    ).json()) as { access_token: string };
    // oauth4webapi reads the challenge itself: a 401 with WWW-Authenticate is thrown as WWWAuthenticateChallengeError.
    const refused = await oauth.protectedResourceRequest(sandboxToken.access_token, 'GET', resource, new Headers(), null, insecure).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    const error = refused as oauth.WWWAuthenticateChallengeError;
    expect(error.status).toBe(401);
    expect(error.cause[0]?.parameters.error).toBe('invalid_token');
    expect(error.cause[0]?.parameters.error_description).toContain('not an access token');
    expect(error.cause[0]?.parameters.resource_metadata).toContain('/.well-known/oauth-protected-resource');
  });
});
