// HTTP Strict Transport Security (RFC 6797) for requests that arrived over HTTPS (see arrivedOverHttps).
//
// RFC 6797 §7.2: a host MUST NOT send the field over plain HTTP, and browsers ignore it there anyway
// (§8.1), so server.ts adds it only when the socket is TLS or a trusted proxy says the client used https.
// - max-age two years (63072000 s, §6.1.1): long enough that a returning learner is never again sent to
//   plain http first; any deployment that serves the lab over https is meant to stay on it.
// - includeSubDomains (§6.1.2): it covers only names below the lab's own host (lab.example.edu covers
//   *.lab.example.edu, never example.edu), where the lab runs nothing over http, and §14.4 explains why
//   a policy without it leaves cookie-injection openings through made-up subdomains.
// - no preload: entering the browsers' preload list (§12.3) is a decision for whoever owns the
//   registrable domain, for all its hosts, and is hard to undo; a lab deployment cannot make it for them.

export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** writeHead's flat [name, value] list for a response to an HTTPS request. */
export const HSTS_FIELDS: readonly string[] = Object.freeze(['Strict-Transport-Security', STRICT_TRANSPORT_SECURITY]);
