import { type NtlmBytesField, payloadStart, readNtlmField, textField } from './fields';
import type { NtlmFlags } from './flags';
import { NTLM_SIGNATURE, type NtlmAuthenticateMessage, type NtlmMessageRead } from './message';
import { readNtResponse } from './nt-response';
import { optionalVersion } from './read-version';

// MS-NLMP §2.2.1.3 AUTHENTICATE_MESSAGE: Signature(8) MessageType(4) LmChallengeResponseFields(8)
// NtChallengeResponseFields(8) DomainNameFields(8) UserNameFields(8) WorkstationFields(8)
// EncryptedRandomSessionKeyFields(8) NegotiateFlags(4) Version(8) MIC(16) Payload.

const FIELDS = [
  ['lmResponse', 12, 'LmChallengeResponseFields'],
  ['ntResponse', 20, 'NtChallengeResponseFields'],
  ['domain', 28, 'DomainNameFields'],
  ['user', 36, 'UserNameFields'],
  ['workstation', 44, 'WorkstationFields'],
  ['encryptedRandomSessionKey', 52, 'EncryptedRandomSessionKeyFields'],
] as const;

type FieldName = (typeof FIELDS)[number][0];

export function readAuthenticateMessage(bytes: Uint8Array, flags: NtlmFlags): NtlmMessageRead<NtlmAuthenticateMessage> {
  const read: Partial<Record<FieldName, NtlmBytesField>> = {};
  for (const [name, at, label] of FIELDS) {
    const field = readNtlmField(bytes, at, label);
    if (field.kind !== 'field') return field;
    read[name] = field.field;
  }
  const { lmResponse, ntResponse, domain, user, workstation, encryptedRandomSessionKey } = read as Record<FieldName, NtlmBytesField>;
  const unicode = flags.names.includes('NTLMSSP_NEGOTIATE_UNICODE');
  const response = readNtResponse(ntResponse.bytes);
  const fields = Object.values(read);
  const micAnnounced = response.kind === 'ntlmv2' && response.avPairs.pairs.some((p) => p.kind === 'flags' && p.flags.includes('mic-present'));
  return {
    kind: 'message',
    message: {
      kind: 'authenticate',
      messageType: 3,
      signature: NTLM_SIGNATURE,
      flags,
      lmResponse,
      ntResponse: { ...ntResponse, response },
      domain: textField(domain, unicode),
      user: textField(user, unicode),
      workstation: textField(workstation, unicode),
      encryptedRandomSessionKey,
      version: optionalVersion(bytes, flags, 64, fields),
      mic: payloadStart(bytes, fields) >= 88 ? { offset: 72, bytes: bytes.slice(72, 88) } : undefined,
      micAnnounced,
      bytes,
    },
  };
}
