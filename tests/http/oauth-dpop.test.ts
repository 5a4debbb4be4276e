// DPoP (RFC 9449) against the production server, with oauth4webapi's DPoP support as the client: the
// token endpoint asks for its nonce (400 use_dpop_nonce with DPoP-Nonce) and binds the token to the key;
// the DPoP-only resource asks for its own nonce (401 use_dpop_nonce) and then answers. oauth4webapi keeps
// the nonces; retrying once on isDPoPNonceError is the caller's part, as its documentation says.
import * as oauth from 'oauth4webapi';
import { submitConsent } from './support/consent-form';
import { authorizationUrl, discoverAndRegister, insecure } from './support/oauth4webapi-client';

const REDIRECT = 'http://127.0.0.1:51517/callback';

/** Runs `attempt`, and once more if it failed for want of a fresh DPoP nonce; returns the errors it met. */
async function withNonceRetry<T>(attempt: () => Promise<T>): Promise<{ value: T; retried: unknown[] }> {
  try {
    return { value: await attempt(), retried: [] };
  } catch (error) {
    if (!oauth.isDPoPNonceError(error)) throw error;
    return { value: await attempt(), retried: [error] };
  }
}

async function codeFor(path: string) {
  const { resource, rs, as, client } = await discoverAndRegister(path, REDIRECT, 'DPoP client');
  const verifier = oauth.generateRandomCodeVerifier();
  const url = await authorizationUrl(as, client, { redirectUri: REDIRECT, scope: 'whoami', resource, state: 'dpop', verifier });
  const back = await submitConsent(as.authorization_endpoint ?? '', await (await fetch(url)).text(), {
    username: 'bob',
    password: 'builder',
    decision: 'allow',
  });
  const params = oauth.validateAuthResponse(as, client, new URL(back.headers.get('location') ?? ''), 'dpop');
  return { rs, as, client, params, verifier, resource };
}

/** The code exchanged for a DPoP-bound token, with one retry when the token endpoint asks for its nonce. */
async function dpopToken(setup: Awaited<ReturnType<typeof codeFor>>, DPoP: oauth.DPoPHandle) {
  const { as, client, params, verifier, resource } = setup;
  return withNonceRetry(async () =>
    oauth.processAuthorizationCodeResponse(
      as,
      client,
      await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, {
        DPoP,
        additionalParameters: { resource: resource.href },
        ...insecure,
      }),
    ),
  );
}

test('a DPoP-bound token through both nonce round trips, to the DPoP-only resource', async () => {
  const setup = await codeFor('/api/sandbox/oauth/dpop');
  const { rs, as, client, resource } = setup;
  expect(rs.dpop_bound_access_tokens_required).toBe(true);
  expect(as.dpop_signing_alg_values_supported).toContain('ES256');
  const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
  // The first token request is refused for want of the token endpoint's nonce; the code survives it.
  const token = await dpopToken(setup, DPoP);
  expect(token.retried).toHaveLength(1);
  expect(token.value.token_type).toBe('dpop');
  // The resource wants a nonce of its own (RFC 9449 §9).
  const answer = await withNonceRetry(() =>
    oauth.protectedResourceRequest(token.value.access_token, 'GET', resource, new Headers(), null, { DPoP, ...insecure }),
  );
  expect(answer.retried).toHaveLength(1);
  expect(answer.value.status).toBe(200);
  await expect(answer.value.json()).resolves.toMatchObject({ sub: 'bob', scheme: 'DPoP' });

  // The same token without its proof, as Bearer: refused, or a thief could use it (RFC 9449 §7.2).
  const asBearer = await fetch(resource, { headers: { Authorization: `Bearer ${token.value.access_token}` } });
  expect(asBearer.status).toBe(401);
  expect(asBearer.headers.get('www-authenticate')).toMatch(/^DPoP .*error="invalid_token"/);
});

test('the resource that takes both: one 401 with two challenges, then a DPoP token without any resource nonce', async () => {
  const setup = await codeFor('/api/sandbox/oauth/bearer-or-dpop');
  const { client, resource } = setup;
  const bare = await fetch(resource);
  expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer .*, DPoP /);
  const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));
  const token = await dpopToken(setup, DPoP);
  const answer = await oauth.protectedResourceRequest(token.value.access_token, 'GET', resource, new Headers(), null, { DPoP, ...insecure });
  expect(answer.status).toBe(200);
});
