import {
  NTLMSSP_OID,
  buildNtlmNegotiate,
  buildSpnegoInit,
  buildSpnegoResponse,
  encodeBase64,
  ntlmAuthenticateFor,
  readNegotiateToken,
  readNtlmMessage,
  type Challenge,
  type NtlmChallengeMessage,
} from '@/lib/http-auth';
import type { ConnectionScheme } from '../connection';
import type { SandboxContext } from '../context';
import { headerValues, type SandboxResponse } from '../message';
import type { ConnectionMode } from '../scenario/client-profile';

// The auto client's side of NTLM (MS-NLMP, MS-NTHT) and Negotiate (RFC 4559): NEGOTIATE, then the
// AUTHENTICATE that answers the server's CHALLENGE, NTLM v2 with a MIC over the three messages. Under
// Negotiate both go inside SPNEGO (RFC 4178): a NegTokenInit offering NTLM, then a NegTokenResp. The
// server keeps its half beside the connection; the client keeps this half beside the hop it answers.

/** The workstation name the simulated client puts in its AUTHENTICATE. */
const WORKSTATION = 'PLAYGROUND';

export type ClientHandshake = {
  scheme: ConnectionScheme;
  /** The NEGOTIATE as sent (raw NTLM, whatever the wrapping): the MIC covers it (MS-NLMP §3.1.5.1.2). */
  negotiate: Uint8Array;
  stage: 'negotiate-sent' | 'authenticate-sent';
  /** The connection whose response carried the CHALLENGE, once it came. */
  challengeConnection?: number;
};

export type HandshakeMove = { value: string; explanation: string };

export function connectionScheme(scheme: string): ConnectionScheme | undefined {
  const lower = scheme.toLowerCase();
  return lower === 'ntlm' ? 'NTLM' : lower === 'negotiate' ? 'Negotiate' : undefined;
}

/** Leg 1: the NEGOTIATE, bare for NTLM, inside a NegTokenInit offering NTLM for Negotiate. */
export function startHandshake(scheme: ConnectionScheme, why: string): { handshake: ClientHandshake } & HandshakeMove {
  const negotiate = buildNtlmNegotiate();
  const token = scheme === 'NTLM' ? negotiate : buildSpnegoInit({ mechanisms: [NTLMSSP_OID], mechToken: negotiate });
  const wrapped = scheme === 'Negotiate' ? ', wrapped in a SPNEGO NegTokenInit that offers NTLM only: it has no Kerberos ticket (RFC 4178 §4.2.1)' : '';
  return {
    handshake: { scheme, negotiate, stage: 'negotiate-sent' },
    value: `${scheme} ${encodeBase64(token)}`,
    explanation: `${why} Step 1 of 3: the client sends an NTLM NEGOTIATE (MS-NLMP §3.1.5.1.1)${wrapped}.`,
  };
}

/** The CHALLENGE inside the server's token: raw, or in a NegTokenResp under Negotiate. */
function readChallenge(scheme: ConnectionScheme, token68: string): NtlmChallengeMessage | string {
  if (scheme === 'NTLM') {
    const read = readNtlmMessage(token68, 'challenge');
    return read.kind === 'message' && read.message.kind === 'challenge' ? read.message : `the NTLM token does not read as a CHALLENGE (${read.kind})`;
  }
  const read = readNegotiateToken(token68);
  if (read.kind !== 'token') return `the Negotiate token does not read (${read.kind}): ${read.message}`;
  const { token } = read;
  const inner =
    token.kind === 'ntlm' ? token.read : token.kind === 'spnego-response' && token.responseToken?.kind === 'ntlm' ? token.responseToken.read : undefined;
  if (!inner) return `the Negotiate token carries no NTLM CHALLENGE (it is ${token.kind})`;
  return inner.kind === 'message' && inner.message.kind === 'challenge' ? inner.message : 'the NTLM message inside the Negotiate token is not a CHALLENGE';
}

/** Where the AUTHENTICATE leaves: on the CHALLENGE's connection, unless the client opens one per request. */
function whereItGoes(mode: ConnectionMode, connection: number | undefined): string {
  const here = connection === undefined ? 'this connection' : `connection ${connection}`;
  return mode === 'keep-alive'
    ? `It goes on ${here}, the one the CHALLENGE came on: the server keeps the handshake beside that connection (MS-NLMP §3.1.5).`
    : `It should go on ${here}, where the CHALLENGE came, but this client opens a new connection for every request, so it leaves on another one.`;
}

/**
 * Leg 3: the AUTHENTICATE answering the server's CHALLENGE, NTLM v2 (MS-NLMP §3.3.2) with the NEGOTIATE
 * passed in so a MIC covers all three messages; under Negotiate, the responseToken of a NegTokenResp.
 */
export async function answerHandshake(
  handshake: ClientHandshake,
  challenge: Challenge,
  secret: { user: string; password: string },
  ctx: SandboxContext,
  where: { mode: ConnectionMode; connection: number | undefined },
): Promise<HandshakeMove | { error: string }> {
  const message = readChallenge(handshake.scheme, challenge.token68 ?? '');
  if (typeof message === 'string') return { error: message };
  const { authenticate } = await ntlmAuthenticateFor(
    message,
    // No domain: like curl -u alice:password, the client sends none, and the server looks the user up alone.
    { user: secret.user, domain: '', password: secret.password, workstation: WORKSTATION },
    { clientChallenge: ctx.random(8), now: ctx.now(), negotiate: handshake.negotiate },
  );
  const token = handshake.scheme === 'NTLM' ? authenticate : buildSpnegoResponse({ responseToken: authenticate });
  handshake.stage = 'authenticate-sent';
  handshake.challengeConnection = where.connection;
  const wrapped = handshake.scheme === 'Negotiate' ? ' inside a SPNEGO NegTokenResp' : '';
  return {
    value: `${handshake.scheme} ${encodeBase64(token)}`,
    explanation:
      `Step 3 of 3: the client reads the server's CHALLENGE and answers with an AUTHENTICATE${wrapped}: NTLM v2 proof of ${secret.user}'s password (MS-NLMP §3.3.2), ` +
      `with a MIC over all three messages. ${whereItGoes(where.mode, where.connection)}`,
  };
}

/** Why the server's answer to an AUTHENTICATE was a new challenge, from what the client knows of its connections. */
export function refusedHandshake(handshake: ClientHandshake, connection: number | undefined): string {
  const split = handshake.challengeConnection !== undefined && connection !== undefined && handshake.challengeConnection !== connection;
  if (split) {
    return (
      `The AUTHENTICATE went on connection ${connection}, but the CHALLENGE it answers was issued on connection ${handshake.challengeConnection}: ` +
      `${handshake.scheme} authenticates a connection, so the server has no handshake to finish there. Starting over would fail the same way while ` +
      'this client opens a new connection for each request: keep the connection alive (HTTP/1.1 does by default, RFC 9112 §9.3), or make the load balancer keep a client on one server connection.'
    );
  }
  return `The server refused the AUTHENTICATE (the trace says why). A careful client asks the user for new credentials rather than starting the ${handshake.scheme} handshake again in a loop.`;
}

/**
 * What a finished handshake leaves: an authenticated connection, whose later requests go without
 * credentials. Under Negotiate the 200 also carries the server's last token, SPNEGO's accept-completed
 * (RFC 4559 §5; RFC 4178 §4.2.2).
 */
export function handshakeDone(handshake: ClientHandshake, hop: 'proxy' | 'origin', response: SandboxResponse, connection: number | undefined): string {
  const which = connection === undefined ? 'this connection' : `connection ${connection}`;
  const final =
    handshake.scheme === 'Negotiate' && hop === 'origin' && headerValues(response.headers, 'WWW-Authenticate').some((value) => /^negotiate\s+\S/i.test(value))
      ? " The 200's WWW-Authenticate carries the server's last Negotiate token (SPNEGO's accept-completed, RFC 4559 §5)."
      : '';
  return `The ${handshake.scheme} handshake authenticated ${which} ${hop === 'proxy' ? 'to the proxy' : 'to the origin'}: later requests on it go without ${hop === 'proxy' ? 'Proxy-Authorization' : 'Authorization'}, and a new connection would start over.${final}`;
}
