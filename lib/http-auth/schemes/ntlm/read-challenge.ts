import { readNtlmAvPairs } from './av-pairs';
import { readNtlmField, textField } from './fields';
import type { NtlmFlags } from './flags';
import { NTLM_SIGNATURE, type NtlmChallengeMessage, type NtlmMessageRead } from './message';
import { optionalVersion } from './read-version';

// MS-NLMP §2.2.1.2 CHALLENGE_MESSAGE: Signature(8) MessageType(4) TargetNameFields(8) NegotiateFlags(4)
// ServerChallenge(8) Reserved(8) TargetInfoFields(8) Version(8) Payload. Note the flags sit at 20 here,
// after TargetNameFields, not at 12 as in the NEGOTIATE.

export function readChallengeMessage(bytes: Uint8Array, flags: NtlmFlags): NtlmMessageRead<NtlmChallengeMessage> {
  const name = readNtlmField(bytes, 12, 'TargetNameFields');
  if (name.kind !== 'field') return name;
  let targetInfo: NtlmChallengeMessage['targetInfo'];
  if (bytes.length >= 48) {
    const info = readNtlmField(bytes, 40, 'TargetInfoFields');
    if (info.kind !== 'field') return info;
    const pairs = readNtlmAvPairs(info.field.bytes);
    if (pairs.kind !== 'pairs') return { ...pairs, offset: info.field.offset + pairs.offset };
    targetInfo = { ...info.field, avPairs: pairs.value };
  }
  const unicode = flags.names.includes('NTLMSSP_NEGOTIATE_UNICODE');
  const fields = targetInfo ? [name.field, targetInfo] : [name.field];
  return {
    kind: 'message',
    message: {
      kind: 'challenge',
      messageType: 2,
      signature: NTLM_SIGNATURE,
      flags,
      targetName: textField(name.field, unicode),
      serverChallenge: bytes.slice(24, 32),
      targetInfo,
      version: bytes.length >= 48 ? optionalVersion(bytes, flags, 48, fields) : undefined,
      bytes,
    },
  };
}
