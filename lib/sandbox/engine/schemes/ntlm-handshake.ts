import { bytesToHex } from '@noble/hashes/utils';
import {
  NTLMSSP_OID,
  buildSpnegoResponse,
  encodeBase64,
  ntlmChallengeFor,
  readNtlmMessage,
  verifyNtlmAuthenticate,
  type NtlmAuthenticateMessage,
  type NtlmNegotiateMessage,
} from '@/lib/http-auth';
import type { ConnectionScheme, PendingHandshake } from '../../connection';
import type { ConnectionRefusalReason, TraceStep } from '../trace';
import { readConnectionToken } from './connection-token';
import { refused, type AuthAttempt, type AuthOutcome } from './outcome';

// NTLM's three legs over HTTP (MS-NTHT §3.2.5.1; MS-NLMP §3.2.5), on one connection: NEGOTIATE → 401 with
// the CHALLENGE → AUTHENTICATE → 200. The CHALLENGE is kept beside the connection and spent by the first
// AUTHENTICATE that answers it; a connection a handshake authenticated lets its later requests through
// (engine.ts), as IIS does. Negotiate (RFC 4559) runs the same legs with NTLM inside.

/** The lab's NetBIOS domain and computer names, sent in the CHALLENGE's target info. */
const LAB_DOMAIN = 'LAB';
const LAB_COMPUTER = 'HTTPAUTHLAB';
const LAB_DNS_DOMAIN = 'lab.invalid';
/** How long an accepted NTProofStr is remembered to name a replay; the client's timestamp window is 300 s. */
const PROOF_MEMORY_MS = 10 * 60_000;
const REPLAYED =
  'This AUTHENTICATE was already accepted once: it is a replay. Its proof answers one server challenge, which the lab issues once per handshake; start a new handshake with a NEGOTIATE.';

const KEEP_ALIVE =
  'NTLM authenticates the connection, not the request: send the AUTHENTICATE on this same connection (keep it alive; HTTP/1.1 does by default).';

function refusedLeg(attempt: AuthAttempt, scheme: ConnectionScheme, status: 400 | 401 | 503, reason: ConnectionRefusalReason, message: string): AuthOutcome {
  return refused(status, message, [{ kind: 'connection-refused', hop: attempt.hop, scheme, reason, message }]);
}

/** The token the server answers with: raw NTLM, or wrapped in a NegTokenResp as the client wrapped its own. */
function serverToken(scheme: ConnectionScheme, wrapping: 'raw' | 'spnego', ntlm: Uint8Array | undefined, negState: 'accept-incomplete' | 'accept-completed') {
  if (scheme === 'NTLM' || wrapping === 'raw') return ntlm;
  return buildSpnegoResponse({ negState, supportedMechanism: NTLMSSP_OID, ...(ntlm ? { responseToken: ntlm } : {}) });
}

function challengeLeg(attempt: AuthAttempt, scheme: ConnectionScheme, negotiate: NtlmNegotiateMessage, wrapping: 'raw' | 'spnego'): AuthOutcome {
  const { hop, ctx, request } = attempt;
  const connection = request.connection;
  if (!connection) {
    return refusedLeg(
      attempt,
      scheme,
      401,
      'no-connection',
      `This way into the lab cannot see connections, and ${scheme} needs one for its three legs. Send the request to the lab's own server (npm start), where each TCP connection keeps its handshake.`,
    );
  }
  const serverChallenge = ctx.random(8);
  const challenge = ntlmChallengeFor(negotiate, {
    serverChallenge,
    domain: LAB_DOMAIN,
    computer: LAB_COMPUTER,
    dnsDomain: LAB_DNS_DOMAIN,
    dnsComputer: `${LAB_COMPUTER.toLowerCase()}.${LAB_DNS_DOMAIN}`,
    now: ctx.now(),
  });
  const readBack = readNtlmMessage(challenge, 'challenge');
  const targetInfo = readBack.kind === 'message' && readBack.message.kind === 'challenge' ? readBack.message.targetInfo?.avPairs : undefined;
  const handshake: PendingHandshake = { scheme, wrapping, negotiate: negotiate.bytes, challenge, serverChallenge, targetInfo };
  if (!connection.begin(hop, handshake)) {
    return refusedLeg(attempt, scheme, 503, 'busy', `The lab is holding as many unfinished ${scheme} handshakes as it allows; try again in a moment.`);
  }
  const token = serverToken(scheme, wrapping, challenge, 'accept-incomplete') ?? challenge;
  const detail = `Step 2 of 3: the CHALLENGE is in the ${hop === 'proxy' ? 'Proxy-Authenticate' : 'WWW-Authenticate'} field, for connection ${connection.id}. ${KEEP_ALIVE}`;
  const step: TraceStep = { kind: 'connection-challenge', hop, scheme, connection: connection.id, mechanismSwitch: false };
  return refused(401, detail, [step], { kind: 'connection-challenge', scheme, token: encodeBase64(token) });
}

/** SPNEGO offered NTLM after another mechanism: accept-incomplete naming NTLM, no token (RFC 4178 §3.2). */
function mechanismSwitchLeg(attempt: AuthAttempt): AuthOutcome {
  const connectionId = attempt.request.connection?.id ?? 0;
  const token = encodeBase64(buildSpnegoResponse({ negState: 'accept-incomplete', supportedMechanism: NTLMSSP_OID }));
  const detail =
    'The lab cannot use the mechanism your client tried first (it has no KDC for Kerberos); SPNEGO names NTLM instead: start NTLM on this connection.';
  const step: TraceStep = { kind: 'connection-challenge', hop: attempt.hop, scheme: 'Negotiate', connection: connectionId, mechanismSwitch: true };
  return refused(401, detail, [step], { kind: 'connection-challenge', scheme: 'Negotiate', token });
}

async function authenticateLeg(attempt: AuthAttempt, scheme: ConnectionScheme, message: NtlmAuthenticateMessage): Promise<AuthOutcome> {
  const { hop, ctx, layer, request } = attempt;
  const response = message.ntResponse.response;
  const proof = response.kind === 'ntlmv2' ? bytesToHex(response.ntProofStr) : undefined;
  if (proof !== undefined && (await ctx.store.seen('ntlm-proof', proof))) {
    return refusedLeg(attempt, scheme, 401, 'replayed', REPLAYED);
  }
  const connection = request.connection;
  const pending = connection?.pending(hop);
  if (!connection || !pending) {
    const reason = connection ? 'no-handshake' : 'no-connection';
    const where = connection ? `connection ${connection.id}` : 'this request';
    return refusedLeg(
      attempt,
      scheme,
      401,
      reason,
      `The AUTHENTICATE arrived on ${where}, which has no ${scheme} handshake in progress: the NEGOTIATE and CHALLENGE went over another connection (a client or load balancer that opened a new one between the legs), or this one already used its CHALLENGE. ${KEEP_ALIVE} Start again with a NEGOTIATE.`,
    );
  }
  // One answer per CHALLENGE: right or wrong, the next try needs a new handshake, as Windows servers do.
  connection.finish(hop);
  if (pending.scheme !== scheme) {
    return refusedLeg(
      attempt,
      scheme,
      401,
      'scheme-changed',
      `The handshake on connection ${connection.id} began under ${pending.scheme}, not ${scheme}; keep one scheme for all three legs.`,
    );
  }
  const users = Object.fromEntries(layer.users.map((user) => [user.name, user.password]));
  const verdict = await verifyNtlmAuthenticate(message, {
    serverChallenge: pending.serverChallenge,
    users,
    ...(pending.targetInfo ? { challengeTargetInfo: pending.targetInfo } : {}),
    now: ctx.now(),
    handshake: { negotiate: pending.negotiate, challenge: pending.challenge },
  });
  if (verdict.kind !== 'valid') {
    return refusedLeg(attempt, scheme, 401, verdict.kind, `${verdict.message} Start a new handshake with a NEGOTIATE.`);
  }
  // Claimed only now, once the proof was right; claimed meanwhile (the same AUTHENTICATE accepted by another
  // instance, or on another connection here, in the same moment), it is the replay the check above names.
  if (proof !== undefined && !(await ctx.store.claim('ntlm-proof', proof, ctx.now() + PROOF_MEMORY_MS))) {
    return refusedLeg(attempt, scheme, 401, 'replayed', REPLAYED);
  }
  // NTOWFv2 upper-cases the user name (MS-NLMP §3.3.2), so "ALICE" is alice: report the lab's own spelling.
  const user = layer.users.find((candidate) => candidate.name.toUpperCase() === verdict.user.toUpperCase());
  const name = user?.name ?? verdict.user;
  const roles = user?.roles ?? [];
  connection.authenticate(hop, { user: name, domain: verdict.domain, scheme, roles, realm: layer.realm });
  // RFC 4559 §5: the success may carry the server's final token; a SPNEGO client expects accept-completed.
  const final = serverToken(scheme, pending.wrapping, undefined, 'accept-completed');
  const fields: Array<[string, string]> = final && hop === 'origin' ? [['WWW-Authenticate', `Negotiate ${encodeBase64(final)}`]] : [];
  const described = `${scheme} (NTLM v2${verdict.domain ? `, domain ${verdict.domain}` : ''}) on connection ${connection.id}`;
  return {
    kind: 'authenticated',
    user: name,
    scheme,
    roles,
    connection: { id: connection.id, reused: false },
    fields,
    trace: [{ kind: 'authenticated', hop, user: name, scheme: described }],
  };
}

/** One leg of NTLM or Negotiate, as the credentials field's message says. */
export async function authenticateConnectionScheme(attempt: AuthAttempt, scheme: ConnectionScheme): Promise<AuthOutcome> {
  const token = readConnectionToken(scheme, attempt.fieldValue);
  switch (token.kind) {
    case 'refused':
      return refusedLeg(attempt, scheme, token.status, token.reason, token.message);
    case 'mechanism-switch':
      return mechanismSwitchLeg(attempt);
    case 'ntlm':
      break;
    default: {
      const never: never = token;
      return never;
    }
  }
  const { message } = token;
  switch (message.kind) {
    case 'negotiate':
      return challengeLeg(attempt, scheme, message, token.wrapping);
    case 'authenticate':
      return authenticateLeg(attempt, scheme, message);
    case 'challenge':
      return refusedLeg(
        attempt,
        scheme,
        400,
        'wrong-message',
        "A client sends a NEGOTIATE or an AUTHENTICATE; this is a CHALLENGE, the server's message (MS-NLMP §2.2.1.2).",
      );
    default: {
      const never: never = message;
      return never;
    }
  }
}
