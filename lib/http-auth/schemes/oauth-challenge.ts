// The challenge parameters the OAuth schemes share. RFC 6750 §3 defines realm, scope, error,
// error_description and error_uri for Bearer; RFC 9449 §7.1 takes the same ones for DPoP; RFC 9728 §5.1
// adds resource_metadata and RFC 9470 §3 acr_values and max_age "for those OAuth authentication schemes".

export type OAuthChallengeOptions = {
  realm?: string;
  scope?: readonly string[];
  errorDescription?: string;
  errorUri?: string;
  /** RFC 9728 §5.1: where the resource's metadata is, and so which authorization server issues its tokens. */
  resourceMetadata?: string;
  /** RFC 9470 §3: authentication context class references, in order of preference; one of them is required. */
  acrValues?: readonly string[];
  /** RFC 9470 §3: the longest time, in seconds, since the user last actively signed in. */
  maxAge?: number;
};

// RFC 6750 §3: scope tokens are %x21 / %x23-5B / %x5D-7E; error_description and error_uri %x20-21 / %x23-5B / %x5D-7E.
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const NQSCHAR = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && ['http:', 'https:'].includes(new URL(value).protocol);
}

/** RFC 6750 §3: the scope tokens, space-delimited; throws TypeError on one the grammar forbids. */
export function scopeParam(scope: readonly string[]): string {
  const bad = scope.find((s) => !SCOPE_TOKEN.test(s));
  if (bad !== undefined) throw new TypeError(`'${bad}' is not a scope token (RFC 6750 §3).`);
  return scope.join(' ');
}

/**
 * The parameters of an OAuth scheme's challenge, in the order RFC 6750 §3's examples write them, with
 * `error` after scope. Throws TypeError on values the grammars do not allow.
 */
export function oauthChallengeParams(options: OAuthChallengeOptions & { error?: string }): Record<string, string> {
  const params: Record<string, string> = {};
  if (options.realm !== undefined) params.realm = options.realm;
  if (options.scope !== undefined) params.scope = scopeParam(options.scope);
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
  Object.assign(params, stepUpParams(options));
  return params;
}

/** RFC 9470 §3: acr_values (space-separated, so each value has no space) and max_age (a non-negative integer). */
function stepUpParams(options: OAuthChallengeOptions): Record<string, string> {
  const params: Record<string, string> = {};
  if (options.acrValues !== undefined) {
    // Each value is one space-separated item of a quoted-string: no space, '"' or '\' (RFC 9470 §3, RFC 9110 §5.6.4).
    const bad = options.acrValues.find((v) => !SCOPE_TOKEN.test(v));
    if (bad !== undefined || options.acrValues.length === 0) {
      throw new TypeError(`acr_values is a space-separated list of one or more values, each printable ASCII without space, '"' or '\\' (RFC 9470 §3).`);
    }
    params.acr_values = options.acrValues.join(' ');
  }
  if (options.maxAge !== undefined) {
    if (!Number.isSafeInteger(options.maxAge) || options.maxAge < 0) {
      throw new TypeError(`max_age has to represent a non-negative integer number of seconds (RFC 9470 §3), not ${options.maxAge}.`);
    }
    params.max_age = String(options.maxAge);
  }
  return params;
}
