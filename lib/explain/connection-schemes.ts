import type { Challenge } from '@/lib/http-auth';
import { finding } from './finding';
import type { LocatedChallenge } from './locate';
import { type SourceField, locate } from './source';
import type { Finding } from './types';

// NTLM and Negotiate break the rule every other scheme keeps: they authenticate the connection, not the
// request. The handshake's legs must share one kept-alive HTTP/1.1 connection; HTTP/2 multiplexes many
// requests over one connection, so servers refuse these schemes there with HTTP_1_1_REQUIRED (RFC 9113 §7).

const CONNECTION_SCHEMES: Record<string, string> = {
  ntlm: 'NTLM (three messages: NEGOTIATE, CHALLENGE, AUTHENTICATE)',
  negotiate: 'Negotiate (RFC 4559: SPNEGO, Kerberos or NTLM inside)',
};

export function connectionSchemeFindings(c: Challenge, field: SourceField, at: LocatedChallenge | undefined, httpVersion: string | undefined): Finding[] {
  const what = CONNECTION_SCHEMES[c.scheme.toLowerCase()];
  if (what === undefined) return [];
  const span = at ? locate(field, at.schemeIndex, c.scheme.length) : locate(field, 0, field.value.length);
  if (httpVersion !== undefined && /^HTTP\/[23]/.test(httpVersion)) {
    const message = `${what} authenticates a connection, and ${httpVersion} shares one connection among many requests, so it cannot carry the handshake: a server answers HTTP_1_1_REQUIRED and the client retries over HTTP/1.1 (RFC 9113 §7).`;
    return [finding('warning', 'connection-auth-over-http2', message, span, 'RFC 9113 §7')];
  }
  const message = `${what} authenticates the connection, not each request: every leg must travel on the same kept-alive HTTP/1.1 connection, so a client that closes it after this response, or a proxy or load balancer that switches connections, starts over. HTTP/2 cannot carry it (RFC 9113 §7).`;
  return [finding('info', 'connection-bound-scheme', message, span, 'RFC 9113 §7')];
}
