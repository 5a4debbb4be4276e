// What a strict OAuth client checks at each hop before it goes on, as pure functions the chain runner
// (chain.ts) calls and the tests hold to: where it may send a request, whether the authorization server
// offers S256, and what the redirect back to it says.
import type { AuthorizationServerMetadata } from '@/lib/oauth/metadata';

/**
 * A URL a document named, and whether the playground may follow it: only the lab's own origin, so
 * nothing leaves the server (the exchange runs every hop in-process; another origin is never fetched).
 */
export type FollowCheck = { kind: 'follow'; target: string } | { kind: 'not-a-url'; value: string } | { kind: 'other-origin'; url: string; origin: string };

export function followable(value: string | undefined, labOrigin: string): FollowCheck {
  if (value === undefined || !URL.canParse(value)) return { kind: 'not-a-url', value: value ?? '(missing)' };
  const url = new URL(value);
  if (url.origin !== labOrigin) return { kind: 'other-origin', url: value, origin: url.origin };
  return { kind: 'follow', target: `${url.pathname}${url.search}` };
}

/** Why a URL is not followed, in a sentence. */
export function followProblem(check: Exclude<FollowCheck, { kind: 'follow' }>, what: string): string {
  switch (check.kind) {
    case 'not-a-url':
      return `${what} is not an absolute URL (${check.value}), so there is nothing to follow.`;
    case 'other-origin':
      return `${what} names another origin, ${check.origin}. The playground follows only the lab's own URLs and never fetched ${check.url}: nothing leaves the server. A real client would go on, after the same checks.`;
    default: {
      const never: never = check;
      return never;
    }
  }
}

/** RFC 7636 §4.2 and the MCP authorization specification: a client uses S256 and refuses a server that does not list it. */
export type PkceSupport = { kind: 's256' } | { kind: 'not-advertised' } | { kind: 'no-s256'; methods: string[] };

export function pkceSupport(metadata: Pick<AuthorizationServerMetadata, 'code_challenge_methods_supported'>): PkceSupport {
  const methods = metadata.code_challenge_methods_supported;
  if (methods === undefined) return { kind: 'not-advertised' };
  return methods.includes('S256') ? { kind: 's256' } : { kind: 'no-s256', methods };
}

export function pkceProblem(support: Exclude<PkceSupport, { kind: 's256' }>): string {
  switch (support.kind) {
    case 'not-advertised':
      return 'The metadata has no code_challenge_methods_supported, so the client cannot know the server does PKCE; the MCP authorization specification tells a client to refuse to go on (RFC 8414 §2, RFC 7636 §4.2).';
    case 'no-s256':
      return `The server offers PKCE only as ${support.methods.join(', ') || 'nothing'}, not S256. plain sends the verifier itself through the browser, so a strict client stops here (RFC 7636 §4.2, RFC 9700 §2.1.1).`;
    default: {
      const never: never = support;
      return never;
    }
  }
}

/** What the authorization server's redirect to the client's redirect URI says, checked (RFC 6749 §4.1.2, §10.12; RFC 9207 §2.4). */
export type RedirectReading =
  { kind: 'code'; code: string } | { kind: 'error'; error: string; description: string | undefined } | { kind: 'refused'; problem: string };

export function readRedirect(location: string | undefined, expected: { redirectUri: string; state: string; issuer: string }): RedirectReading {
  if (location === undefined || !URL.canParse(location)) return { kind: 'refused', problem: 'The answer has no Location the browser could follow.' };
  const url = new URL(location);
  if (`${url.origin}${url.pathname}` !== expected.redirectUri)
    return { kind: 'refused', problem: `The redirect goes to ${url.origin}${url.pathname}, not the redirect URI the client registered.` };
  const query = url.searchParams;
  // RFC 6749 §10.12: state ties the answer to the request this client made, against CSRF.
  if (query.get('state') !== expected.state) return { kind: 'refused', problem: 'The state in the redirect is not the one the client sent (RFC 6749 §10.12).' };
  // RFC 9207 §2.4: iss must be the issuer the client talked to, against mix-up attacks.
  if (query.get('iss') !== expected.issuer)
    return { kind: 'refused', problem: `The iss in the redirect is ${query.get('iss') ?? 'missing'}, not the issuer ${expected.issuer} (RFC 9207 §2.4).` };
  const error = query.get('error');
  if (error !== null) return { kind: 'error', error, description: query.get('error_description') ?? undefined };
  const code = query.get('code');
  return code ? { kind: 'code', code } : { kind: 'refused', problem: 'The redirect carries neither code nor error (RFC 6749 §4.1.2).' };
}
