import { isToken68 } from '../grammar/chars';
import { failure, success } from '../diagnostic';
import { parseCredentials } from '../parse';
import type { Challenge, ParseResult } from '../types';

// RFC 6750: the Bearer scheme, which carries OAuth 2.0 access tokens (and JWTs, which are one token format).

/** RFC 6750 §3.1's three codes, and RFC 9470 §3's insufficient_user_authentication (step-up). */
export type BearerErrorCode = 'invalid_request' | 'invalid_token' | 'insufficient_scope' | 'insufficient_user_authentication';

/** RFC 6750 §3.1: each error code has its status; RFC 9470 §3: a step-up is asked for with 401. */
export function bearerErrorStatus(error: BearerErrorCode): 400 | 401 | 403 {
  switch (error) {
    case 'invalid_request':
      return 400;
    case 'invalid_token':
      return 401;
    case 'insufficient_scope':
      return 403;
    case 'insufficient_user_authentication':
      return 401;
    default: {
      const never: never = error;
      return never;
    }
  }
}

export type BearerChallengeOptions = {
  realm?: string;
  scope?: readonly string[];
  error?: BearerErrorCode;
  errorDescription?: string;
  errorUri?: string;
  /** RFC 9728 §5.1: where the resource's metadata is, and so which authorization server issues its tokens. */
  resourceMetadata?: string;
  /** RFC 9470 §3: the authentication context classes that would do, most preferred first. */
  acrValues?: readonly string[];
  /** RFC 9470 §3: how many seconds ago, at most, the user may have signed in. */
  maxAge?: number;
};

// RFC 6750 §3: scope tokens are %x21 / %x23-5B / %x5D-7E; error_description and error_uri %x20-21 / %x23-5B / %x5D-7E.
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const NQSCHAR = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

/** Builds a Bearer challenge; throws TypeError on values RFC 6750 §3 (and RFC 9728 §5.1) do not allow. */
export function bearerChallenge(options: BearerChallengeOptions): Challenge {
  const params: Record<string, string> = {};
  if (options.realm !== undefined) params.realm = options.realm;
  if (options.scope !== undefined) {
    const bad = options.scope.find((s) => !SCOPE_TOKEN.test(s));
    if (bad !== undefined) throw new TypeError(`'${bad}' is not a scope token (RFC 6750 §3).`);
    params.scope = options.scope.join(' ');
  }
  if (options.error !== undefined) params.error = options.error;
  for (const [name, value] of [
    ['error_description', options.errorDescription],
    ['error_uri', options.errorUri],
    ['resource_metadata', options.resourceMetadata],
  ] as const) {
    if (value === undefined) continue;
    if (!NQSCHAR.test(value)) throw new TypeError(`${name} may hold only printable ASCII without '"' and '\\' (RFC 6750 §3).`);
    if (name === 'resource_metadata' && !isHttpUrl(value))
      throw new TypeError(`resource_metadata must be an absolute http(s) URL (RFC 9728 §5.1), not ${value}.`);
    params[name] = value;
  }
  if (options.acrValues !== undefined) {
    // RFC 9470 §3: a space-separated string of ACR values, sent as a quoted-string; no '"' or '\' inside.
    const bad = options.acrValues.find((value) => !SCOPE_TOKEN.test(value));
    if (bad !== undefined || options.acrValues.length === 0) throw new TypeError(`acr_values must be one or more space-free values (RFC 9470 §3).`);
    params.acr_values = options.acrValues.join(' ');
  }
  if (options.maxAge !== undefined) {
    if (!Number.isSafeInteger(options.maxAge) || options.maxAge < 0)
      throw new TypeError(`max_age must be a whole number of seconds (RFC 9470 §3), not ${options.maxAge}.`);
    params.max_age = String(options.maxAge);
  }
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
  | { kind: 'insufficient-scope'; scope: readonly string[]; description?: string };

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
  const { scheme, token68 } = parsed.value;
  const at = fieldValue.indexOf(scheme);
  if (scheme.toLowerCase() !== 'bearer') return failure('bearer-wrong-scheme', `These are '${scheme}' credentials, not Bearer.`, at);
  if (token68 === undefined || !isToken68(token68)) {
    return failure('bearer-not-token68', 'Bearer credentials are the token itself, a single token68 (RFC 6750 §2.1).', at);
  }
  return success(token68, parsed.warnings);
}
