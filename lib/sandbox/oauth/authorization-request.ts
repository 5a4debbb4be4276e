// The authorization endpoint's decisions (RFC 6749 §4.1.1, §4.1.2, §4.1.2.1; RFC 7636 §4.3, §4.4.1;
// RFC 8707 §2.1), pure: the route renders the consent page or redirects from what this returns. The
// rule that keeps it from being an open redirector (RFC 9700 §2.1, §4.11): until the client and its
// redirect URI are verified, an error is shown on the lab's own page and never sent anywhere.
import { authorizationErrorRedirect, type AuthorizationErrorCode, type OAuthError } from '@/lib/oauth/oauth-error';
import { matchRedirectUri } from '@/lib/oauth/redirect-uri';
import { checkCodeChallenge } from '@/lib/oauth/pkce';
import { registeredClient, type RegisteredClient } from './client-registration';

/** What the consent page carries through its form, checked again when the form comes back. */
export type AuthorizationRequest = {
  client: RegisteredClient;
  redirectUri: string;
  state: string | undefined;
  scope: string[];
  resource: string;
  codeChallenge: string;
  /** The authentication context classes asked for, most preferred first (RFC 9470 §4, OpenID Connect Core §3.1.2.1). */
  acrValues: string[];
  /** The oldest sign-in that will do, in seconds (RFC 9470 §4); the lab always signs the user in afresh. */
  maxAge: number | undefined;
};

export type AuthorizationDecision =
  /** Verified: ask the user (the consent page). */
  | { kind: 'consent'; request: AuthorizationRequest }
  /** The client or its redirect URI cannot be trusted: an error page, no redirect. */
  | { kind: 'error-page'; status: 400; description: string }
  /** A verified client asked for something wrong: back to it with an error (RFC 6749 §4.1.2.1). */
  | { kind: 'redirect'; location: string };

export type AuthorizationSettings = {
  issuer: string;
  /** The resources this server issues tokens for (RFC 8707 §2: anything else is invalid_target). */
  resources: readonly string[];
  scopes: readonly string[];
};

const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** RFC 6749 §3.1: a parameter sent twice is an error; the lab checks it for every parameter it reads. */
function single(query: URLSearchParams, name: string): { value: string | undefined } | { repeated: true } {
  const values = query.getAll(name);
  return values.length > 1 ? { repeated: true } : { value: values[0] };
}

export async function decideAuthorization(
  query: URLSearchParams,
  settings: AuthorizationSettings,
  options: { secret: Uint8Array; now: number },
): Promise<AuthorizationDecision> {
  const errorPage = (description: string): AuthorizationDecision => ({ kind: 'error-page', status: 400, description });
  const names = [
    'response_type',
    'client_id',
    'redirect_uri',
    'state',
    'scope',
    'resource',
    'code_challenge',
    'code_challenge_method',
    'acr_values',
    'max_age',
  ] as const;
  const read: Partial<Record<(typeof names)[number], string>> = {};
  const repeated: string[] = [];
  for (const name of names) {
    const value = single(query, name);
    if ('repeated' in value) repeated.push(name);
    else if (value.value !== undefined) read[name] = value.value;
  }
  // First the client and where to answer it: nothing may be redirected before both are verified.
  if (repeated.includes('client_id') || repeated.includes('redirect_uri')) return errorPage(`${repeated.join(' and ')} appear more than once (RFC 6749 §3.1).`);
  if (!read.client_id) return errorPage('client_id is missing: register the client first (RFC 7591) and send the client_id it got (RFC 6749 §4.1.1).');
  const client = await registeredClient(read.client_id, options);
  if (!client)
    return errorPage(
      'client_id names no client this server registered. Register again (RFC 7591): this lab keeps no list, so a client id from another lab, or from before its secret changed, is unknown here.',
    );
  if (!read.redirect_uri) {
    // RFC 6749 §3.1.2.3 lets a server use the only registered URI; RFC 9700 §2.1 and the MCP specification want it sent.
    return errorPage('redirect_uri is missing: send one of the registered redirect URIs, exactly as registered.');
  }
  const redirectUri = matchRedirectUri(client.redirectUris, read.redirect_uri) && read.redirect_uri;
  if (!redirectUri) {
    return errorPage(
      `redirect_uri ${read.redirect_uri} is not one this client registered (${client.redirectUris.join(', ')}). It is compared exactly, character for character; only a loopback IP address may change its port (RFC 9700 §2.1, RFC 8252 §7.3). The lab shows this here rather than redirect: sending a user to an unverified address is how open redirectors start.`,
    );
  }
  const state = read.state;
  const back = (error: AuthorizationErrorCode, description: string): AuthorizationDecision => ({
    kind: 'redirect',
    location: authorizationErrorRedirect(redirectUri, { error, description } satisfies OAuthError<AuthorizationErrorCode>, state, settings.issuer),
  });
  if (repeated.length > 0) return back('invalid_request', `${repeated.join(', ')} appear more than once (RFC 6749 §3.1).`);
  if (read.response_type !== 'code') {
    return read.response_type === undefined
      ? back('invalid_request', 'response_type is missing; this server offers response_type=code (RFC 6749 §4.1.1).')
      : back('unsupported_response_type', `response_type=${read.response_type} is not offered: only code (the implicit flow is gone, RFC 9700 §2.1.2).`);
  }
  const challenge = checkCodeChallenge(read.code_challenge, read.code_challenge_method);
  switch (challenge.kind) {
    case 'ok':
      break;
    case 'missing':
      return back('invalid_request', 'code_challenge is missing: this server requires PKCE with S256 (RFC 7636 §4.4.1, RFC 9700 §2.1.1).');
    case 'plain':
      return back(
        'invalid_request',
        challenge.explicit
          ? 'code_challenge_method=plain is refused: it sends the verifier itself through the browser. Use S256 (RFC 7636 §4.2, RFC 9700 §2.1.1).'
          : 'code_challenge_method is missing, which means plain (RFC 7636 §4.3), and plain is refused. Send code_challenge_method=S256.',
      );
    case 'unknown-method':
      return back('invalid_request', `code_challenge_method=${challenge.method} is not offered: only S256 (RFC 7636 §4.3; method names are case-sensitive).`);
    case 'malformed':
      return back('invalid_request', 'code_challenge must be the 43-character base64url SHA-256 of the verifier, without padding (RFC 7636 §4.2).');
    default: {
      const never: never = challenge;
      return never;
    }
  }
  if (!read.resource) {
    return back(
      'invalid_target',
      `resource is missing: name the resource the token is for, e.g. ${settings.resources[0] ?? 'its URL'} (RFC 8707 §2.1; the MCP specification requires it).`,
    );
  }
  if (!settings.resources.includes(read.resource)) {
    return back('invalid_target', `This server issues tokens for ${settings.resources.join(', ')}, not ${read.resource} (RFC 8707 §2).`);
  }
  const scope = (read.scope ?? '').split(' ').filter((token) => token !== '');
  const unknown = scope.find((token) => !SCOPE_TOKEN.test(token) || !settings.scopes.includes(token));
  if (unknown !== undefined)
    return back('invalid_scope', `The scope ${unknown} is not offered; this server knows ${settings.scopes.join(', ')} (RFC 6749 §3.3).`);
  const acrValues = (read.acr_values ?? '').split(' ').filter((value) => value !== '');
  if (acrValues.some((value) => !SCOPE_TOKEN.test(value)))
    return back('invalid_request', 'acr_values is a space-separated list of values without quotes or backslashes (OpenID Connect Core §3.1.2.1).');
  // max_age: a whole number of seconds (OpenID Connect Core §3.1.2.1); nine digits is over thirty years.
  if (read.max_age !== undefined && !/^\d{1,9}$/.test(read.max_age))
    return back('invalid_request', `max_age must be a whole number of seconds, not ${read.max_age} (RFC 9470 §4).`);
  const maxAge = read.max_age === undefined ? undefined : Number(read.max_age);
  return { kind: 'consent', request: { client, redirectUri, state, scope, resource: read.resource, codeChallenge: challenge.challenge, acrValues, maxAge } };
}
