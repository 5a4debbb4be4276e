import { isToken68 } from '../grammar/chars';
import { failure, success } from '../diagnostic';
import { parseCredentials } from '../parse';
import type { Challenge, Credentials, ParseResult } from '../types';
import { type OAuthChallengeOptions, oauthChallengeParams } from './oauth-challenge';

// RFC 6750: the Bearer scheme, which carries OAuth 2.0 access tokens (and JWTs, which are one token format).

/** RFC 6750 §3.1's three codes, and RFC 9470 §3's for a sign-in that was not strong or recent enough. */
export type BearerErrorCode = 'invalid_request' | 'invalid_token' | 'insufficient_scope' | 'insufficient_user_authentication';

/** RFC 6750 §3.1: each error code has its status; RFC 9470 §3 answers insufficient_user_authentication with 401. */
export function bearerErrorStatus(error: BearerErrorCode): 400 | 401 | 403 {
  switch (error) {
    case 'invalid_request':
      return 400;
    case 'invalid_token':
    case 'insufficient_user_authentication':
      return 401;
    case 'insufficient_scope':
      return 403;
    default: {
      const never: never = error;
      return never;
    }
  }
}

export type BearerChallengeOptions = OAuthChallengeOptions & { error?: BearerErrorCode };

/** Builds a Bearer challenge; throws TypeError on values RFC 6750 §3 (RFC 9728 §5.1, RFC 9470 §3) do not allow. */
export function bearerChallenge(options: BearerChallengeOptions): Challenge {
  const params = oauthChallengeParams(options);
  if (Object.keys(params).length === 0) {
    throw new TypeError('A Bearer challenge needs at least one parameter, e.g. realm (RFC 6750 §3).');
  }
  return { scheme: 'Bearer', params };
}

/** Why a resource server turns a Bearer request away. */
export type BearerRejection =
  | { kind: 'no-credentials' }
  | { kind: 'invalid-request'; description?: string }
  | { kind: 'invalid-token'; description?: string }
  | { kind: 'insufficient-scope'; scope: readonly string[]; description?: string }
  /** RFC 9470 §3: the token is fine, the sign-in behind it was not strong (acr) or recent (max_age) enough. */
  | { kind: 'insufficient-user-authentication'; acrValues?: readonly string[]; maxAge?: number; description?: string };

/**
 * The status and challenge for a rejection. RFC 6750 §3.1: a request without authentication gets no
 * error code at all, just the challenge; the others name their code, and insufficient_scope the scope.
 */
export function bearerRejection(rejection: BearerRejection, realm: string): { status: 400 | 401 | 403; challenge: Challenge } {
  switch (rejection.kind) {
    case 'no-credentials':
      return { status: 401, challenge: bearerChallenge({ realm }) };
    case 'invalid-request':
      return rejected('invalid_request', realm, rejection.description);
    case 'invalid-token':
      return rejected('invalid_token', realm, rejection.description);
    case 'insufficient-scope':
      return rejected('insufficient_scope', realm, rejection.description, rejection.scope);
    case 'insufficient-user-authentication': {
      const { acrValues, maxAge, description } = rejection;
      const challenge = bearerChallenge({ realm, error: 'insufficient_user_authentication', errorDescription: description, acrValues, maxAge });
      return { status: bearerErrorStatus('insufficient_user_authentication'), challenge };
    }
    default: {
      const never: never = rejection;
      return never;
    }
  }
}

function rejected(error: BearerErrorCode, realm: string, errorDescription?: string, scope?: readonly string[]) {
  return { status: bearerErrorStatus(error), challenge: bearerChallenge({ realm, error, errorDescription, scope }) };
}

/** RFC 6750 §2.1: `Authorization: Bearer <b64token>`; the scheme matches case-insensitively. */
export function readBearerToken(fieldValue: string): ParseResult<string> {
  const parsed = parseCredentials(fieldValue);
  if (!parsed.ok) return parsed;
  const token = bearerTokenOf(parsed.value, fieldValue);
  return token.ok ? success(token.value, parsed.warnings) : token;
}

/**
 * readBearerToken for credentials already parsed from `fieldValue` (the sandbox parses every
 * Authorization field once to pick the scheme); the parser's warnings are the caller's.
 */
export function bearerTokenOf(credentials: Credentials, fieldValue: string): ParseResult<string> {
  const { scheme, token68 } = credentials;
  const at = fieldValue.indexOf(scheme);
  if (scheme.toLowerCase() !== 'bearer') return failure('bearer-wrong-scheme', `These are '${scheme}' credentials, not Bearer.`, at);
  if (token68 === undefined || !isToken68(token68)) {
    return failure('bearer-not-token68', 'Bearer credentials are the token itself, a single token68 (RFC 6750 §2.1).', at);
  }
  return success(token68);
}
