import { readNtlmMessage } from '../ntlm/read';
import { type DerNode } from './der';
import { readGssFrame } from './gss-frame';
import { readKerberosToken } from './kerberos';
import { startsWithNtlmSignature } from './ntlm-signature';
import { KERBEROS_OIDS, nameMechanism } from './oid';
import type { NegotiateInnerToken } from './token-types';

/** SPNEGO's mechToken and responseToken: NTLM messages travel raw, Kerberos in its GSS framing (RFC 4121 §4.1). */
export function readInnerToken(node: DerNode): NegotiateInnerToken {
  const bytes = node.content;
  if (startsWithNtlmSignature(bytes)) return { kind: 'ntlm', read: readNtlmMessage(bytes) };
  const frame = readGssFrame(bytes, node.contentOffset);
  if (frame.kind === 'frame' && KERBEROS_OIDS.includes(frame.oid)) {
    return { kind: 'kerberos', kerberos: readKerberosToken(nameMechanism(frame.oid), frame.inner, frame.innerOffset) };
  }
  return { kind: 'other', length: bytes.length };
}
