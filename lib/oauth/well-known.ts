// Where a resource's and an authorization server's metadata live. RFC 9728 §3.1 and RFC 8414 §3.1 use
// the same rule: the well-known suffix goes between the host and the path, not after the path (that is
// OpenID Connect Discovery's rule, RFC 8414 §5, which some clients also try).

export const PROTECTED_RESOURCE_SUFFIX = '/.well-known/oauth-protected-resource';
export const AUTHORIZATION_SERVER_SUFFIX = '/.well-known/oauth-authorization-server';
export const OPENID_CONFIGURATION_SUFFIX = '/.well-known/openid-configuration';

export type IdentifierProblem = { kind: 'not-a-url' } | { kind: 'scheme'; scheme: string } | { kind: 'fragment' } | { kind: 'query' } | { kind: 'credentials' };

/**
 * Why `value` cannot be a resource or issuer identifier, or undefined. RFC 9728 §1.2 and RFC 8414 §2:
 * an https URL without a fragment; an issuer has no query either (a resource SHOULD NOT). Plain http
 * is allowed only where `allowHttp` says so (a lab on localhost): clients refuse it unless told.
 */
export function identifierProblem(value: string, { allowHttp = false, allowQuery = false } = {}): IdentifierProblem | undefined {
  if (!URL.canParse(value)) return { kind: 'not-a-url' };
  const url = new URL(value);
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) return { kind: 'scheme', scheme: url.protocol.slice(0, -1) };
  if (url.username !== '' || url.password !== '') return { kind: 'credentials' };
  if (value.includes('#')) return { kind: 'fragment' };
  if (!allowQuery && url.search !== '') return { kind: 'query' };
  return undefined;
}

/**
 * The metadata URL for an identifier: `suffix` inserted between the host and the path (a path of just
 * "/" counts as none), the query kept after it. RFC 9728 §3.1: https://r.example/api → https://r.example/.well-known/oauth-protected-resource/api.
 */
export function wellKnownUrl(identifier: string, suffix: string): string {
  const url = new URL(identifier);
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.origin}${suffix}${path}${url.search}`;
}

/**
 * The identifier a metadata URL was derived from, or undefined when `metadataUrl` does not start with
 * the suffix: the inverse of wellKnownUrl, for a server answering at every derived location. An empty
 * path comes back as "/", as URL writes https://r.example (RFC 9728 §3.3 compares the strings).
 */
export function identifierFor(metadataUrl: string, suffix: string): string | undefined {
  const url = new URL(metadataUrl);
  if (url.pathname !== suffix && !url.pathname.startsWith(`${suffix}/`)) return undefined;
  const path = url.pathname.slice(suffix.length);
  return `${url.origin}${path === '' ? '/' : path}${url.search}`;
}

/**
 * RFC 8414 §5's OpenID Connect form (suffix after the path), which some clients try after the
 * RFC 8414 one.
 */
export function openIdConfigurationUrl(issuer: string): string {
  const url = new URL(issuer);
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.origin}${path}${OPENID_CONFIGURATION_SUFFIX}`;
}
