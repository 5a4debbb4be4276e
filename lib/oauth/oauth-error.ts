// OAuth error responses. The codes are RFC 6749's (§4.1.2.1 at the authorization endpoint, §5.2 at the
// token endpoint), RFC 7591 §3.2.2's at registration and RFC 6750 §3.1's at a resource; the lab always
// adds an error_description in plain words, because it teaches.

export const AUTHORIZATION_ERRORS = [
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable',
] as const;
export const TOKEN_ERRORS = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'invalid_target',
  // RFC 9449 §5 and §8: a DPoP proof the token endpoint refuses, and its demand for a nonce (with DPoP-Nonce).
  'invalid_dpop_proof',
  'use_dpop_nonce',
] as const;
export const REGISTRATION_ERRORS = ['invalid_redirect_uri', 'invalid_client_metadata', 'invalid_software_statement', 'unapproved_software_statement'] as const;

// invalid_target: RFC 8707 §2, a resource the server will not issue a token for.
export type AuthorizationErrorCode = (typeof AUTHORIZATION_ERRORS)[number] | 'invalid_target';
export type TokenErrorCode = (typeof TOKEN_ERRORS)[number];
export type RegistrationErrorCode = (typeof REGISTRATION_ERRORS)[number];

export type OAuthError<Code extends string> = { error: Code; description: string };

/**
 * RFC 6749 §5.1's and §5.2's JSON body. error_description is limited to %x20-21 / %x23-5B / %x5D-7E
 * (§5.2: printable ASCII without " and \): anything else is replaced (§ spelled out, " as '), so a reflected value cannot
 * break the grammar a strict client checks.
 */
export function oauthErrorBody<Code extends string>({ error, description }: OAuthError<Code>): { error: Code; error_description: string } {
  return { error, error_description: safeDescription(description) };
}

export function safeDescription(description: string): string {
  // The lab's own sentences cite sections and quote values: spell § out and turn " into ', so they read well.
  return description
    .replace(/§/g, 'section ')
    .replace(/["“”]/g, "'")
    .replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '?');
}

/**
 * Where an authorization error goes back to the client (RFC 6749 §4.1.2.1): the redirect URI with
 * error, error_description and state in its query, kept after any query the URI already has. Only
 * ever called with a redirect URI that matched a registered one: an unverified one gets no redirect.
 */
export function authorizationErrorRedirect(redirectUri: string, error: OAuthError<AuthorizationErrorCode>, state: string | undefined, issuer?: string): string {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error.error);
  url.searchParams.set('error_description', safeDescription(error.description));
  if (state !== undefined) url.searchParams.set('state', state);
  // RFC 9207 §2: the issuer in every authorization response, so a client talking to two servers can tell them apart.
  if (issuer !== undefined) url.searchParams.set('iss', issuer);
  return url.toString();
}
