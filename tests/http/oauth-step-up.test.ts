// Step-up (RFC 9470) against the production server, with oauth4webapi as the client: a token from a
// password-only sign-in is refused by the transfer resource with insufficient_user_authentication, the
// client reads acr_values and max_age from the challenge, asks for authorization again with them, the
// consent page asks for the one-time code, and the new token (acr mfa, auth_time now) is accepted.
import * as oauth from 'oauth4webapi';
import { submitConsent } from './support/consent-form';
import { authorizationUrl, discoverAndRegister, insecure } from './support/oauth4webapi-client';

const TRANSFER = '/api/sandbox/oauth/transfer';
const REDIRECT = 'http://127.0.0.1:51516/callback';

const setUp = () => discoverAndRegister(TRANSFER, REDIRECT, 'Step-up client');

/** One authorization round trip with `extra` parameters and `fields` on the consent form; the token response. */
async function authorize(
  { resource, as, client }: Awaited<ReturnType<typeof setUp>>,
  extra: Record<string, string>,
  fields: Record<string, string>,
): Promise<{ token: oauth.TokenEndpointResponse; page: string }> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = await authorizationUrl(as, client, { redirectUri: REDIRECT, scope: 'transfer', resource, state, verifier }, extra);
  const page = await (await fetch(url)).text();
  const back = await submitConsent(as.authorization_endpoint ?? '', page, { username: 'alice', password: 'wonderland', decision: 'allow', ...fields });
  expect(back.status).toBe(303);
  const params = oauth.validateAuthResponse(as, client, new URL(back.headers.get('location') ?? ''), state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, {
    additionalParameters: { resource: resource.href },
    ...insecure,
  });
  return { token: await oauth.processAuthorizationCodeResponse(as, client, response), page };
}

test('a password-only token is sent back to step up; acr_values and max_age from the challenge get a token that works', async () => {
  const setup = await setUp();
  expect(setup.as.acr_values_supported).toEqual(['password', 'mfa']);
  const plain = await authorize(setup, {}, {});
  expect(plain.page).not.toContain('One-time code');
  const refused = await oauth.protectedResourceRequest(plain.token.access_token, 'POST', setup.resource, new Headers(), null, insecure).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
  const challenge = (refused as oauth.WWWAuthenticateChallengeError).cause[0];
  expect(challenge?.scheme).toBe('bearer');
  expect(challenge?.parameters).toMatchObject({ error: 'insufficient_user_authentication', acr_values: 'mfa', max_age: '120' });

  // RFC 9470 §4: the client asks again with what the challenge named; the user types the code the page shows.
  const stepUp = { acr_values: challenge?.parameters.acr_values ?? '', max_age: challenge?.parameters.max_age ?? '' };
  const strong = await authorize(setup, stepUp, { otp: '246810' });
  expect(strong.page).toContain('One-time code');
  const answer = await oauth.protectedResourceRequest(strong.token.access_token, 'POST', setup.resource, new Headers(), null, insecure);
  expect(answer.status).toBe(200);
  await expect(answer.json()).resolves.toMatchObject({ approved: true, sub: 'alice', acr: 'mfa' });
});

test('the consent page refuses a wrong one-time code and says so, with no code for the client', async () => {
  const setup = await setUp();
  const request = { redirectUri: REDIRECT, scope: 'transfer', resource: setup.resource, state: 's', verifier: oauth.generateRandomCodeVerifier() };
  const url = await authorizationUrl(setup.as, setup.client, request, { acr_values: 'mfa' });
  const page = await (await fetch(url)).text();
  const back = await submitConsent(setup.as.authorization_endpoint ?? '', page, {
    username: 'alice',
    password: 'wonderland',
    otp: '111111',
    decision: 'allow',
  });
  expect(back.status).toBe(200);
  expect(back.headers.get('location')).toBeNull();
  await expect(back.text()).resolves.toContain('The one-time code is wrong');
});
