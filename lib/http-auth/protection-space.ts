// RFC 7617 §2.2: once Basic credentials were accepted for a request, a client may assume that every
// path at or deeper than that request-target's last "/" is in the same protection space, and send the
// credentials there without waiting for a challenge. The protection space is also bounded by the origin
// (RFC 9110 §11.5), so another scheme, host or port never gets them unasked.

/** Why a client may or may not send Basic credentials up front to a URL. */
export type BasicReuse =
  { kind: 'preemptive'; prefix: string } | { kind: 'outside-prefix'; prefix: string } | { kind: 'other-origin'; origin: string } | { kind: 'not-a-url' };

/** The path up to and including its last "/": `/docs/a/b` gives `/docs/a/`. */
export function reusePrefix(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function parse(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * May credentials accepted on `authenticatedUrl` go, unasked, with a request to `candidateUrl`?
 * Both are absolute http(s) URLs; the URL parser removes dot segments and default ports first, and the
 * query never counts (§2.2 speaks of the path). Paths compare case-sensitively, as URLs do.
 */
export function basicReuse(authenticatedUrl: string, candidateUrl: string): BasicReuse {
  const authenticated = parse(authenticatedUrl);
  const candidate = parse(candidateUrl);
  if (!authenticated || !candidate) return { kind: 'not-a-url' };
  if (authenticated.origin !== candidate.origin) return { kind: 'other-origin', origin: candidate.origin };
  const prefix = reusePrefix(authenticated.pathname);
  return candidate.pathname.startsWith(prefix) ? { kind: 'preemptive', prefix } : { kind: 'outside-prefix', prefix };
}

export function mayReuseCredentials(authenticatedUrl: string, candidateUrl: string): boolean {
  return basicReuse(authenticatedUrl, candidateUrl).kind === 'preemptive';
}
