import { type NtlmBytesField, readNtlmField, textField } from './fields';
import type { NtlmFlags } from './flags';
import type { NtlmMessageRead, NtlmNegotiateMessage } from './message';
import { NTLM_SIGNATURE } from './message';
import { optionalVersion } from './read-version';

// MS-NLMP §2.2.1.1 NEGOTIATE_MESSAGE: Signature(8) MessageType(4) NegotiateFlags(4) DomainNameFields(8)
// WorkstationFields(8) Version(8, with NTLMSSP_NEGOTIATE_VERSION) Payload. Both names are OEM strings
// (§2.2.1.1: "MUST be encoded using the OEM character set"), sent only with the *_SUPPLIED flags.

export function readNegotiateMessage(bytes: Uint8Array, flags: NtlmFlags): NtlmMessageRead<NtlmNegotiateMessage> {
  let domain: NtlmBytesField | undefined;
  let workstation: NtlmBytesField | undefined;
  if (bytes.length >= 32) {
    const d = readNtlmField(bytes, 16, 'DomainNameFields');
    if (d.kind !== 'field') return d;
    const w = readNtlmField(bytes, 24, 'WorkstationFields');
    if (w.kind !== 'field') return w;
    [domain, workstation] = [d.field, w.field];
  }
  const fields = [domain, workstation].filter((f) => f !== undefined);
  return {
    kind: 'message',
    message: {
      kind: 'negotiate',
      messageType: 1,
      signature: NTLM_SIGNATURE,
      flags,
      domain: domain && textField(domain, false),
      workstation: workstation && textField(workstation, false),
      version: bytes.length >= 32 ? optionalVersion(bytes, flags, 32, fields) : undefined,
      bytes,
    },
  };
}
