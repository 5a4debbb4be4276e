import { readGssFrame } from './gss-frame';
import { readKerberosToken } from './kerberos';
import { KERBEROS_OIDS, SPNEGO_OID, nameMechanism } from './oid';
import { readNegotiationToken } from './spnego';
import type { NegotiateTokenRead } from './token-types';

/** A first token in GSS framing: SPNEGO's NegTokenInit, or a bare Kerberos token. */
export function readGssToken(bytes: Uint8Array): NegotiateTokenRead {
  const frame = readGssFrame(bytes);
  if (frame.kind !== 'frame') return frame;
  if (frame.oid === SPNEGO_OID) return readNegotiationToken(frame.inner, 0, frame.innerOffset);
  if (KERBEROS_OIDS.includes(frame.oid)) {
    return { kind: 'token', token: { kind: 'kerberos', kerberos: readKerberosToken(nameMechanism(frame.oid), frame.inner, frame.innerOffset) } };
  }
  return { kind: 'unknown-mechanism', message: `The GSS token is for ${frame.oid}, which is neither SPNEGO, Kerberos nor NTLM.`, offset: frame.oidOffset };
}
