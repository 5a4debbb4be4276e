// Redirect URIs: which a client may register, and whether an authorization request's matches one.
// RFC 9700 §2.1: exact string comparison, the one exception being the port of a loopback IP literal
// (RFC 8252 §7.3: a native app picks a free port at run time). Anything looser is how codes leak
// through open redirectors.

export type RedirectUriProblem =
  { kind: 'not-absolute' } | { kind: 'fragment' } | { kind: 'insecure-http'; host: string } | { kind: 'credentials' } | { kind: 'scheme'; scheme: string };

/** Loopback IP literals (RFC 8252 §7.3). "localhost" is not one: its name may resolve elsewhere (§8.3). */
function isLoopbackLiteral(hostname: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname) || hostname === '[::1]';
}

/** http is allowed only to this machine: a loopback literal, or localhost (often registered by command-line and desktop clients). */
function isThisMachine(hostname: string): boolean {
  return isLoopbackLiteral(hostname) || hostname === 'localhost';
}

// Schemes that would run code or show data in the browser instead of reaching a client.
const DANGEROUS_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:']);

/**
 * Why `uri` cannot be registered, or undefined. RFC 6749 §3.1.2: absolute, no fragment. https, or http
 * to this machine only (RFC 8252 §7.3; elsewhere a code would cross the network in clear text, which
 * RFC 6749 §3.1.2.1 warns against), or a private-use scheme in reverse-domain form such as
 * com.example.app: (RFC 8252 §7.1).
 */
export function redirectUriProblem(uri: string): RedirectUriProblem | undefined {
  if (!URL.canParse(uri)) return { kind: 'not-absolute' };
  if (uri.includes('#')) return { kind: 'fragment' };
  const url = new URL(uri);
  if (url.username !== '' || url.password !== '') return { kind: 'credentials' };
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') return isThisMachine(url.hostname) ? undefined : { kind: 'insecure-http', host: url.host };
  const scheme = url.protocol;
  if (DANGEROUS_SCHEMES.has(scheme) || !/^[a-z][a-z0-9+\-]*(\.[a-z0-9+\-]+)+:$/.test(scheme)) return { kind: 'scheme', scheme: scheme.slice(0, -1) };
  return undefined;
}

/**
 * The registered URI an authorization request's `redirect_uri` matches, or undefined. Exact string
 * comparison; for an http loopback IP literal the port alone may differ (RFC 8252 §7.3), the rest of
 * the string still compared exactly.
 */
export function matchRedirectUri(registered: readonly string[], requested: string): string | undefined {
  const exact = registered.find((uri) => uri === requested);
  if (exact !== undefined) return exact;
  if (!URL.canParse(requested)) return undefined;
  const asked = new URL(requested);
  if (asked.protocol !== 'http:' || !isLoopbackLiteral(asked.hostname)) return undefined;
  return registered.find((uri) => {
    if (!URL.canParse(uri)) return false;
    const candidate = new URL(uri);
    // Compared as written (URL would normalise away differences the exact rule keeps), port aside.
    return candidate.protocol === 'http:' && isLoopbackLiteral(candidate.hostname) && sameButPort(uri, requested);
  });
}

/** Whether two URI strings are identical once an explicit port right after the host is removed from each. */
function sameButPort(a: string, b: string): boolean {
  const strip = (uri: string) => uri.replace(/^(http:\/\/(?:\[::1\]|[0-9.]+))(?::\d+)?/, '$1');
  return strip(a) === strip(b);
}
