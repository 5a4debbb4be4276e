// Each decision the engine takes, as typed data. The UI words them for learners with describeStep;
// tests assert on the kinds. Nothing here holds a password or a whole token.
import type { ConnectionScheme } from '../connection';

export type Hop = 'proxy' | 'origin';

export type TraceStep =
  | { kind: 'hop'; hop: Hop; realm: string }
  | { kind: 'no-credentials'; hop: Hop; field: string }
  | { kind: 'repeated-credentials'; hop: Hop; field: string; count: number }
  | { kind: 'malformed-credentials'; hop: Hop; field: string; message: string; index: number }
  | { kind: 'scheme-not-offered'; hop: Hop; scheme: string; offered: string[] }
  | { kind: 'scheme-matched'; hop: Hop; received: string; scheme: string }
  | { kind: 'basic-undecodable'; hop: Hop; message: string }
  | { kind: 'unknown-user'; hop: Hop; user: string }
  | { kind: 'wrong-password'; hop: Hop; user: string }
  | { kind: 'token-rejected'; hop: Hop; reason: 'expired' | 'bad-signature' | 'malformed' | 'wrong-audience'; expiredSecondsAgo?: number }
  | { kind: 'token-in-query'; hop: Hop; alsoInHeader: boolean }
  | { kind: 'digest-rejected'; hop: Hop; reason: string; message: string }
  | { kind: 'digest-stale'; hop: Hop; ageSeconds: number }
  | { kind: 'authenticated'; hop: Hop; user: string; scheme: string; scopes?: string[]; expiresInSeconds?: number }
  | { kind: 'proxy-forwarded'; consumed: boolean }
  | { kind: 'role-missing'; user: string; role: string; status: 403 | 404 }
  | { kind: 'scope-missing'; missing: string[]; status: 403 | 404 }
  /** An access token of the lab's authorization server refused by a resource (RFC 9068 §4), with the reason in words. */
  | { kind: 'access-token-refused'; reason: string }
  /** A DPoP proof refused (invalid_dpop_proof), or one without the resource's nonce (use_dpop_nonce) (RFC 9449 §7.1, §9). */
  | { kind: 'dpop-proof-refused'; reason: string; nonce: boolean }
  /** A valid token whose sign-in is too weak or too old for the resource (RFC 9470 §3). */
  | { kind: 'step-up-needed'; reason: string }
  /** NTLM's second leg: the CHALLENGE sent, bound to this connection (or, under SPNEGO, a switch to NTLM first). */
  | { kind: 'connection-challenge'; hop: Hop; scheme: ConnectionScheme; connection: number; mechanismSwitch: boolean }
  /** A later request on a connection a handshake authenticated, let through without credentials (as IIS does). */
  | { kind: 'connection-reused'; hop: Hop; scheme: ConnectionScheme; user: string; connection: number }
  /** An NTLM or Negotiate message refused, with the reason in words. */
  | { kind: 'connection-refused'; hop: Hop; scheme: ConnectionScheme; reason: ConnectionRefusalReason; message: string }
  | { kind: 'granted'; user: string };

/** Why an NTLM or Negotiate leg was refused. The verification kinds are lib/http-auth's NtlmVerification. */
export type ConnectionRefusalReason =
  | 'no-connection'
  | 'no-handshake'
  | 'scheme-changed'
  | 'replayed'
  | 'busy'
  | 'bad-token'
  | 'wrong-message'
  | 'kerberos'
  | 'no-common-mechanism'
  | 'anonymous'
  | 'ntlmv1-refused'
  | 'lm-refused'
  | 'malformed-response'
  | 'unknown-user'
  | 'wrong-password'
  | 'target-info-mismatch'
  | 'timestamp-out-of-window'
  | 'mic-mismatch';

function hopName(hop: Hop): string {
  return hop === 'proxy' ? 'The proxy' : 'The origin server';
}

/** One sentence per step, for the learner. */
export function describeStep(step: TraceStep): string {
  switch (step.kind) {
    case 'hop':
      return `${hopName(step.hop)} (realm "${step.realm}") checks the request.`;
    case 'no-credentials':
      return `${hopName(step.hop)} finds no ${step.field} header, so it answers with a challenge (RFC 9110 §11.6).`;
    case 'repeated-credentials':
      return `The request carries ${step.count} ${step.field} fields; a request has at most one, so it is malformed.`;
    case 'malformed-credentials':
      return `${step.field} does not parse at character ${step.index}: ${step.message}`;
    case 'scheme-not-offered':
      return `${hopName(step.hop)} does not accept the "${step.scheme}" scheme (it offers ${step.offered.join(', ')}), so it challenges again.`;
    case 'scheme-matched':
      return step.received === step.scheme
        ? `Scheme ${step.scheme} accepted.`
        : `Scheme "${step.received}" accepted as ${step.scheme}: scheme names are case-insensitive (RFC 9110 §11.1).`;
    case 'basic-undecodable':
      return `The Basic credentials cannot be decoded: ${step.message}`;
    case 'unknown-user':
      return `No user "${step.user}" here; the credentials are refused with a fresh challenge.`;
    case 'wrong-password':
      return `The password for "${step.user}" is wrong; the credentials are refused with a fresh challenge.`;
    case 'token-rejected':
      switch (step.reason) {
        case 'expired':
          return `The token expired ${step.expiredSecondsAgo ?? 0} s ago: 401 with error="invalid_token" (RFC 6750 §3.1).`;
        case 'bad-signature':
          return 'The token signature does not verify: 401 with error="invalid_token" (RFC 6750 §3.1).';
        case 'malformed':
          return 'The token is not a token this server issued: 401 with error="invalid_token" (RFC 6750 §3.1).';
        case 'wrong-audience':
          return 'The token was issued for another audience: 401 with error="invalid_token".';
      }
      break;
    case 'token-in-query':
      return step.alsoInHeader
        ? 'The token is sent in two ways at once (header and query): 400 invalid_request (RFC 6750 §3.1).'
        : 'This server takes tokens only in the Authorization header (RFC 6750 §2.1); access_token in the query is refused with 400 invalid_request.';
    case 'digest-rejected':
      return `Digest credentials refused (${step.reason}): ${step.message}`;
    case 'digest-stale':
      return `The Digest response is right but its nonce is ${step.ageSeconds} s old: 401 with stale=true, so the client retries with the new nonce without asking the user (RFC 7616 §3.3).`;
    case 'authenticated':
      return `${hopName(step.hop)} authenticates "${step.user}" with ${step.scheme}${step.scopes ? ` (scope: ${step.scopes.join(' ') || 'none'})` : ''}.`;
    case 'proxy-forwarded':
      return step.consumed
        ? 'The proxy consumes Proxy-Authorization and forwards the request to the origin (RFC 9110 §11.7.2).'
        : 'The proxy forwards the request to the origin.';
    case 'role-missing':
      return `"${step.user}" is authenticated but lacks the "${step.role}" role: ${step.status === 404 ? '404, hiding that the resource exists' : '403 Forbidden'} (RFC 9110 §15.5.4).`;
    case 'scope-missing':
      return `The token lacks scope ${step.missing.join(' ')}: ${step.status === 404 ? '404, hiding the resource' : '403 with error="insufficient_scope"'} (RFC 6750 §3.1).`;
    case 'access-token-refused':
      return `The resource refuses the access token: ${step.reason} 401 with error="invalid_token".`;
    case 'dpop-proof-refused':
      return step.nonce
        ? `The resource wants its own nonce in the DPoP proof: ${step.reason} 401 with error="use_dpop_nonce" and a DPoP-Nonce field (RFC 9449 §9).`
        : `The resource refuses the DPoP proof: ${step.reason} 401 with error="invalid_dpop_proof" (RFC 9449 §7.1).`;
    case 'step-up-needed':
      return `The token is valid, but the sign-in behind it is not enough: ${step.reason} 401 with error="insufficient_user_authentication".`;
    case 'connection-challenge':
      return step.mechanismSwitch
        ? `${hopName(step.hop)} cannot use the client's first choice of mechanism and answers with SPNEGO's accept-incomplete naming NTLM (RFC 4178 §3.2): the client starts NTLM on connection ${step.connection}.`
        : `${hopName(step.hop)} answers the NEGOTIATE with its CHALLENGE (step 2 of 3), bound to connection ${step.connection}: the AUTHENTICATE must come back on that same connection (MS-NLMP §3.1.5).`;
    case 'connection-reused':
      return `No credentials, but connection ${step.connection} was authenticated as "${step.user}" by an earlier ${step.scheme} handshake, so the request is let through (as IIS does).`;
    case 'connection-refused':
      return `${step.scheme} refused: ${step.message}`;
    case 'granted':
      return `Access granted to "${step.user}": 200 OK.`;
    default: {
      const never: never = step;
      return never;
    }
  }
  return '';
}
