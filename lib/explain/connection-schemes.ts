import type { Challenge } from '@/lib/http-auth';
import { finding } from './finding';
import type { LocatedChallenge } from './locate';
import { type SourceField, fieldsNamed, listElements, locate, nameSpan } from './source';
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

/** A challenge that carries the server's token (NTLM's CHALLENGE, a SPNEGO NegTokenResp): the handshake is under way. */
const MID_HANDSHAKE = /^[ \t]*(?:NTLM|Negotiate)[ \t]+[A-Za-z0-9+/._~-]/i;

/**
 * Connection: close on the second leg of NTLM or Negotiate (RFC 9112 §9.6: the server closes after this
 * response). The CHALLENGE is good only on this connection, so the AUTHENTICATE arrives on a new one, which
 * has no handshake: the client starts over, forever. Proxies and servers that add `close` to every 401 do this.
 */
export function closedHandshakeFindings(fields: readonly SourceField[]): Finding[] {
  const midHandshake = [...fieldsNamed(fields, 'WWW-Authenticate'), ...fieldsNamed(fields, 'Proxy-Authenticate')].find((field) =>
    MID_HANDSHAKE.test(field.value),
  );
  if (!midHandshake) return [];
  const closing = fieldsNamed(fields, 'Connection').find((field) => listElements(field.value).some((element) => element.text.toLowerCase() === 'close'));
  if (!closing) return [];
  const scheme = /negotiate/i.test(midHandshake.value.trim().slice(0, 9)) ? 'Negotiate' : 'NTLM';
  const message = `This response carries the server's ${scheme} token, step 2 of the handshake, yet says Connection: close. The token is good only on this connection; the client's answer will arrive on a new one, where the server has no handshake, so it is refused and the client starts over (a loop). Keep the connection open on every leg.`;
  return [finding('error', 'connection-closed-mid-handshake', message, nameSpan(closing), 'RFC 9112 §9.6')];
}
