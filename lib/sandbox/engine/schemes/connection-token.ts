import {
  NTLMSSP_OID,
  readNegotiateCredentials,
  readNegotiateToken,
  readNtlmCredentials,
  readNtlmMessage,
  type NegotiateInnerToken,
  type NtlmMessage,
} from '@/lib/http-auth';
import type { ConnectionScheme } from '../../connection';
import type { ConnectionRefusalReason } from '../trace';

// What an `NTLM` or `Negotiate` credentials field carries, reduced to the NTLM message the handshake
// needs. NTLM carries it bare (MS-NTHT §2.2.2). Negotiate (RFC 4559 §4) carries a SPNEGO token (RFC 4178)
// or, as Windows servers accept, the raw NTLM message; a Kerberos token is recognised and explained,
// because the lab has no KDC to check it against.

export type ConnectionTokenRead =
  | { kind: 'ntlm'; message: NtlmMessage; wrapping: 'raw' | 'spnego' }
  /** SPNEGO offered NTLM but started with another mechanism's token: answer "use NTLM" (RFC 4178 §3.2). */
  | { kind: 'mechanism-switch' }
  | { kind: 'refused'; status: 400 | 401; reason: ConnectionRefusalReason; message: string };

const KERBEROS_EXPLAINED =
  'The token is Kerberos: your client found a ticket-granting ticket and asked a KDC for a service ticket. The lab has no KDC and no keytab, so it cannot check one; it speaks NTLM inside Negotiate. Clients fall back to NTLM only when Kerberos is unavailable to them (no ticket, or no SPN for this host).';

function refusedToken(status: 400 | 401, reason: ConnectionRefusalReason, message: string): ConnectionTokenRead {
  return { kind: 'refused', status, reason, message };
}

function fromInner(inner: NegotiateInnerToken | undefined, what: string): ConnectionTokenRead {
  if (!inner) return refusedToken(400, 'bad-token', `The SPNEGO ${what} carries no token.`);
  switch (inner.kind) {
    case 'ntlm':
      return inner.read.kind === 'message'
        ? { kind: 'ntlm', message: inner.read.message, wrapping: 'spnego' }
        : refusedToken(400, 'bad-token', `The NTLM message inside SPNEGO does not read: ${inner.read.message}`);
    case 'kerberos':
      return refusedToken(401, 'kerberos', `${KERBEROS_EXPLAINED} (${inner.kerberos.explanation})`);
    case 'other':
      return refusedToken(401, 'no-common-mechanism', `The SPNEGO ${what} carries a token for a mechanism the lab does not speak; it speaks NTLM.`);
    default: {
      const never: never = inner;
      return never;
    }
  }
}

function readNegotiate(token68: string): ConnectionTokenRead {
  const read = readNegotiateToken(token68);
  if (read.kind !== 'token') return refusedToken(400, 'bad-token', `The Negotiate token does not read (${read.kind}): ${read.message}`);
  const { token } = read;
  switch (token.kind) {
    case 'ntlm':
      return token.read.kind === 'message'
        ? { kind: 'ntlm', message: token.read.message, wrapping: 'raw' }
        : refusedToken(400, 'bad-token', `The NTLM message does not read: ${token.read.message}`);
    case 'kerberos':
      return refusedToken(401, 'kerberos', `${KERBEROS_EXPLAINED} (${token.kerberos.explanation})`);
    case 'spnego-init':
      if (token.mechToken?.kind === 'ntlm') return fromInner(token.mechToken, 'NegTokenInit');
      if (token.mechanisms.some((mechanism) => mechanism.oid === NTLMSSP_OID)) return { kind: 'mechanism-switch' };
      if (token.mechToken?.kind === 'kerberos') return fromInner(token.mechToken, 'NegTokenInit');
      return refusedToken(
        401,
        'no-common-mechanism',
        `The client offers ${token.mechanisms.map((mechanism) => mechanism.name).join(', ') || 'no mechanism'}; the lab speaks NTLM only (no KDC for Kerberos).`,
      );
    case 'spnego-response':
      return fromInner(token.responseToken, 'NegTokenResp');
    default: {
      const never: never = token;
      return never;
    }
  }
}

/** The credentials field's token, read as far as the handshake needs. */
export function readConnectionToken(scheme: ConnectionScheme, fieldValue: string): ConnectionTokenRead {
  const token68 = scheme === 'NTLM' ? readNtlmCredentials(fieldValue) : readNegotiateCredentials(fieldValue);
  if (!token68.ok) return refusedToken(400, 'bad-token', `The ${scheme} credentials are malformed: ${token68.error.message}`);
  if (scheme === 'Negotiate') return readNegotiate(token68.value);
  const read = readNtlmMessage(token68.value);
  return read.kind === 'message'
    ? { kind: 'ntlm', message: read.message, wrapping: 'raw' }
    : refusedToken(400, 'bad-token', `The NTLM message does not read (${read.kind}): ${read.message}`);
}
