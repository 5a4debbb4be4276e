// Hops 4 to 6 (and 9 and 10 after a step-up challenge): the client registers (RFC 7591), sends the browser to the authorization endpoint with a
// PKCE challenge and the resource (RFC 6749 §4.1.1, RFC 7636 §4.3, RFC 8707 §2.1), and the learner signs
// in on the consent page, whose answer sends the browser back to the client's redirect URI (RFC 6749 §4.1.2).
import { base64url } from 'jose';
import { s256Challenge } from '@/lib/oauth/pkce';
import { firstHeader, type SandboxResponse } from '../../message';
import type { SignIn } from '../input';
import { followable, followProblem, readRedirect } from './checks';
import { pageProblem, readConsentForm, type ConsentForm } from './consent-form';
import { formBody, getRequest, postRequest } from './requests';
import { follow, jsonBody, stop, type ChainRun, type Verdict } from './run-state';

/** Where the browser hands the code to the client: a loopback listener, as a native app registers one (RFC 8252 §7.3). Never fetched here. */
export const PLAYGROUND_REDIRECT_URI = 'http://127.0.0.1/callback';
export const PLAYGROUND_CLIENT_NAME = 'HTTP Auth Lab playground';

/** Hop 4's answer: the client id the server issued (RFC 7591 §3.2.1). */
export function readRegistration(response: SandboxResponse): Verdict<string> {
  const body = jsonBody(response) as { client_id?: unknown; error?: unknown; error_description?: unknown } | undefined;
  if (response.status !== 201 || typeof body?.client_id !== 'string') {
    const why = typeof body?.error === 'string' ? ` (${body.error}: ${String(body.error_description ?? '')})` : '';
    return stop(`${response.status}: the registration was refused${why}, so the client has no client_id to ask with (RFC 7591 §3.2.2).`);
  }
  return follow(
    body.client_id,
    'Registered: the answer carries the client_id the server issued (RFC 7591 §3.2.1). The client makes a PKCE verifier, keeps it, and sends the browser to the authorization endpoint with its S256 challenge (RFC 7636 §4.1–4.3) and the resource it wants a token for (RFC 8707 §2.1).',
  );
}

/** Hop 5's answer: the consent page, with the form the browser will submit and where (resolved against the page's URL). */
export function readConsentPage(response: SandboxResponse, signIn: SignIn, page: { url: string; origin: string }): Verdict<ConsentForm> {
  const form = response.status === 200 ? readConsentForm(response.body) : undefined;
  if (!form)
    return stop(`${response.status}: the authorization server refused the request on its own page: ${pageProblem(response.body) ?? 'no reason given'}.`);
  const action = followable(URL.canParse(form.action, page.url) ? new URL(form.action, page.url).toString() : undefined, page.origin);
  if (action.kind !== 'follow') return stop(followProblem(action, 'The consent form’s action'));
  const who = signIn.username === '' ? 'with an empty user name' : `as ${signIn.username}`;
  const code = form.oneTimeCode
    ? signIn.otp
      ? ` The page asks for a one-time code as well, the second factor acr_values=mfa asked for (RFC 9470 §4); you type ${signIn.otp}${form.oneTimeCode.shown === undefined ? '' : ` (the page shows ${form.oneTimeCode.shown})`}.`
      : ` The page asks for a one-time code as well, the second factor acr_values=mfa asked for (RFC 9470 §4); you type the one the page shows${form.oneTimeCode.shown === undefined ? '' : `, ${form.oneTimeCode.shown}`}.`
    : '';
  return follow(
    { action: action.target, fields: form.fields, ...(form.oneTimeCode ? { oneTimeCode: form.oneTimeCode } : {}) },
    `The browser shows the authorization server’s sign-in and consent page; how the user signs in is the server’s business (RFC 6749 §3.1). You sign in ${who} and choose ${signIn.decision === 'allow' ? 'Allow' : 'Deny'}: the browser posts the form back with its hidden fields.${code}`,
  );
}

type Expected = { redirectUri: string; state: string; issuer: string };

/** Hop 6's answer: the page again (a failed sign-in), or the 303 back to the client with a code or an error. */
export function readConsentAnswer(response: SandboxResponse, expected: Expected): Verdict<string> {
  if (response.status === 200)
    return stop(
      `The page came back instead of a redirect: “${pageProblem(response.body) ?? 'not signed in'}” The server redirects only once it has authenticated the user and has a decision (RFC 6749 §4.1.1), so the browser stays on the page and the client gets nothing. Change the sign-in and send again.`,
    );
  if (response.status !== 303 && response.status !== 302)
    return stop(`${response.status}: the authorization server refused the form: ${pageProblem(response.body) ?? 'no reason given'}.`);
  const reading = readRedirect(firstHeader(response.headers, 'Location'), expected);
  switch (reading.kind) {
    case 'code':
      return follow(
        reading.code,
        `The browser follows the ${response.status} to ${expected.redirectUri}, the client’s own listener (not fetched here). The client checks state (RFC 6749 §10.12) and iss (RFC 9207 §2.4) and takes the code (RFC 6749 §4.1.2).`,
      );
    case 'error':
      return stop(
        `The browser is sent back to the client with error=${reading.error}${reading.description ? ` (“${reading.description}”)` : ''} (RFC 6749 §4.1.2.1). state and iss are right, so the client believes it: no code, no token; it stops.`,
      );
    case 'refused':
      return stop(`The client does not trust this redirect: ${reading.problem}`);
    default: {
      const never: never = reading;
      return never;
    }
  }
}

export type Authorized = { clientId: string; code: string; verifier: string };

/** What a step-up challenge asked for (RFC 9470 §3), sent again on the new authorization request (§4). */
export type StepUpRequest = { acrValues: string[]; maxAge: number | undefined };

export type AuthorizationServer = { register: string; authorize: string; issuer: string; resource: string; scope: string[] };

/** Hop 4: registers the playground as a public client (RFC 7591 §3); its client_id serves every authorization request of the run. */
export async function register(run: ChainRun, server: AuthorizationServer): Promise<string | undefined> {
  const registration = JSON.stringify({
    client_name: PLAYGROUND_CLIENT_NAME,
    redirect_uris: [PLAYGROUND_REDIRECT_URI],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  });
  return run.hop(
    postRequest(run.origin, server.register, 'application/json', registration),
    { sender: 'client', receiver: 'authorization-server', title: 'Client registration (RFC 7591 §3)', label: 'POST register' },
    readRegistration,
  );
}

/** The fields the browser posts: the page's hidden ones, the learner's sign-in, and the one-time code when the page asks for one. */
function signInFields(form: ConsentForm, signIn: SignIn): [string, string][] {
  const code = form.oneTimeCode ? (signIn.otp ? signIn.otp : (form.oneTimeCode.shown ?? '')) : undefined;
  return [
    ...form.fields,
    ['username', signIn.username],
    ['password', signIn.password],
    ...(code === undefined ? [] : [['otp', code] as [string, string]]),
    ['decision', signIn.decision],
  ];
}

/**
 * Runs hops 5 and 6 (and, after a step-up challenge, the same two again with acr_values and max_age).
 * `verifier` and `state` come from ctx.random, so each authorization request has its own.
 */
export async function authorize(
  run: ChainRun,
  server: AuthorizationServer,
  clientId: string,
  signIn: SignIn,
  secrets: { verifier: string; state: Uint8Array },
  stepUp?: StepUpRequest,
): Promise<Authorized | undefined> {
  const { origin } = run;
  const state = base64url.encode(secrets.state);
  const query = formBody([
    ['response_type', 'code'],
    ['client_id', clientId],
    ['redirect_uri', PLAYGROUND_REDIRECT_URI],
    ['state', state],
    ...(server.scope.length > 0 ? [['scope', server.scope.join(' ')] as [string, string]] : []),
    ['resource', server.resource],
    ['code_challenge', s256Challenge(secrets.verifier)],
    ['code_challenge_method', 'S256'],
    // RFC 9470 §4: the challenge's acr_values and max_age go on the new authorization request as they came.
    ...(stepUp && stepUp.acrValues.length > 0 ? [['acr_values', stepUp.acrValues.join(' ')] as [string, string]] : []),
    ...(stepUp?.maxAge === undefined ? [] : [['max_age', String(stepUp.maxAge)] as [string, string]]),
  ]);
  const form = await run.hop(
    getRequest(origin, `${server.authorize}?${query}`, [['Accept', 'text/html']]),
    {
      sender: 'browser',
      receiver: 'authorization-server',
      title: stepUp
        ? 'The consent page again, with acr_values and max_age (the browser’s step, RFC 9470 §4)'
        : 'The consent page (the browser’s step, RFC 6749 §4.1.1)',
      label: stepUp ? 'GET authorize (acr_values, max_age)' : 'GET authorize (consent page)',
    },
    (response) => readConsentPage(response, signIn, { url: `${origin}${server.authorize}`, origin }),
  );
  if (!form) return undefined;
  const code = await run.hop(
    postRequest(origin, form.action, 'application/x-www-form-urlencoded', formBody(signInFields(form, signIn))),
    {
      sender: 'browser',
      receiver: 'authorization-server',
      title: form.oneTimeCode
        ? `Sign in with the one-time code and ${signIn.decision} (the browser’s step, RFC 9470 §4)`
        : `Sign in and ${signIn.decision} (the browser’s step, RFC 6749 §4.1.2)`,
      label: form.oneTimeCode ? `POST sign in + code, ${signIn.decision}` : `POST sign in, ${signIn.decision}`,
    },
    (response) => readConsentAnswer(response, { redirectUri: PLAYGROUND_REDIRECT_URI, state, issuer: server.issuer }),
  );
  return code === undefined ? undefined : { clientId, code, verifier: secrets.verifier };
}
