// Which names carry a secret wherever they appear: a query or fragment parameter (RFC 6749 §4.1.2 code,
// §4.2.2 access_token in the fragment, RFC 6750 §2.3 access_token in the query), a JSON or form body field
// (RFC 6749 §5.1 token responses, §2.3.1 client_secret, RFC 7636 §4.5 code_verifier, a sign-in form's
// password), or a request or response header of its own (API keys, DPoP proofs, CSRF tokens).

const EXACT = new Set([
  'code',
  'code_verifier',
  'device_code',
  'assertion',
  'client_assertion',
  'subject_token',
  'actor_token',
  'otp',
  'pin',
  'key',
  'sig',
  'signature',
  'jwt',
  'samlresponse',
  'samlrequest',
  'session',
  'sessionid',
  'session_id',
  'sid',
]);

/** access_token, refresh_token, id_token, client_secret, new_password, api_key, x-amz-security-token, … */
const ENDS_WITH = /(?:^|[_.-])(?:token|secret|password|passwd|pwd|apikey|api[_-]key|credentials?)$/i;

/** Names that end like a secret but only describe one (RFC 6749 §5.1 token_type is "Bearer"). */
const NOT_SECRET = new Set(['token_type', 'token_endpoint', 'password_policy']);

/** Whether a parameter or field of this name holds a secret. */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_SECRET.has(lower)) return false;
  return EXACT.has(lower) || ENDS_WITH.test(lower);
}

const SECRET_HEADERS = new Set(['dpop', 'api-key', 'x-api-key', 'x-goog-api-key', 'ocp-apim-subscription-key', 'x-amz-security-token']);

/** Header fields other than the credentials and cookie fields whose value is a secret. */
export function isSecretHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_HEADERS.has(lower) || /-(?:token|secret|api-?key)$/.test(lower);
}

/** Header fields whose value is a URL that may carry a code or token in its query or fragment (RFC 6749 §4.1.2). */
export const URL_HEADERS = new Set(['location', 'referer', 'content-location', 'refresh']);
