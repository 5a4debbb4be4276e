import { NTLM_SIGNATURE } from '../ntlm/message';

export function startsWithNtlmSignature(bytes: Uint8Array): boolean {
  for (let i = 0; i < NTLM_SIGNATURE.length; i++) if (bytes[i] !== NTLM_SIGNATURE.charCodeAt(i)) return false;
  return true;
}
