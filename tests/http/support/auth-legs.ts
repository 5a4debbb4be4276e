// The legs of an authentication as the lab saw and answered them, read from a TCP tap's recording
// (support/tcp-tap.ts): which connection each request came on, which credentials it carried (for NTLM and
// Negotiate, which of the three messages), and the status the lab answered. A test asserts these, not the
// client's own report, so a client that claims 200 without the lab having said so cannot pass.
import { fieldOf, type TappedRequest, type TappedResponse } from './http-stream';
import type { TcpTap } from './tcp-tap';

export type Leg = {
  /** The connection's number among those the client opened to the tap, from 0. */
  connection: number;
  request: string;
  proxyAuthorization?: string;
  authorization?: string;
  status: number;
};

const NTLM_TYPES = ['', 'negotiate', 'challenge', 'authenticate'];

/** "Basic", "Digest", "NTLM negotiate", "Negotiate authenticate" (raw NTLM), "Negotiate spnego", …: what a field carried. */
export function credentialsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const scheme = value.split(' ')[0] ?? '';
  if (!/^(ntlm|negotiate)$/i.test(scheme)) return scheme;
  const bytes = Buffer.from(value.slice(scheme.length + 1).trim(), 'base64');
  if (bytes.subarray(0, 8).toString('latin1') === 'NTLMSSP\0') return `${scheme} ${NTLM_TYPES[bytes[8] ?? 0] ?? 'unknown'}`;
  // RFC 4178 §4.2: a NegTokenInit is wrapped in an [APPLICATION 0] (0x60), a NegTokenResp is [1] (0xa1).
  return `${scheme} ${bytes[0] === 0x60 || bytes[0] === 0xa1 ? 'spnego' : 'unknown'}`;
}

function leg(connection: number, request: TappedRequest, response: TappedResponse | undefined): Leg {
  const proxyAuthorization = credentialsOf(fieldOf(request, 'proxy-authorization'));
  const authorization = credentialsOf(fieldOf(request, 'authorization'));
  return {
    connection,
    request: `${request.method} ${request.target}`,
    ...(proxyAuthorization ? { proxyAuthorization } : {}),
    ...(authorization ? { authorization } : {}),
    status: response?.status ?? 0,
  };
}

/** Every request the lab got through the tap, with its answer (status 0: none came), connection by connection. */
export function legsOf(tap: TcpTap): Leg[] {
  return tap
    .connections()
    .filter(({ requests }) => requests.length > 0)
    .flatMap(({ requests, responses }, connection) => requests.map((request, i) => leg(connection, request, responses[i])));
}

/** The lab's last answer through the tap, with its body read as JSON. */
export function lastAnswer(tap: TcpTap): { status: number; body: Record<string, unknown> } {
  const last = tap
    .connections()
    .flatMap(({ responses }) => responses)
    .at(-1);
  if (!last) throw new Error('the lab answered nothing through the tap');
  return { status: last.status, body: JSON.parse(last.body) as Record<string, unknown> };
}
