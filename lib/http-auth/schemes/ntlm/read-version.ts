import { type NtlmField, payloadStart } from './fields';
import { type NtlmFlags } from './flags';
import { NTLM_VERSION_LENGTH, type NtlmVersion, readNtlmVersion } from './version';

/**
 * MS-NLMP §2.2.1: Version is there when NTLMSSP_NEGOTIATE_VERSION is set and the fixed part is long enough
 * to hold it, that is when no value of the Payload starts before its end.
 */
export function optionalVersion(bytes: Uint8Array, flags: NtlmFlags, at: number, fields: readonly NtlmField[]): NtlmVersion | undefined {
  if (!flags.names.includes('NTLMSSP_NEGOTIATE_VERSION')) return undefined;
  if (payloadStart(bytes, fields) < at + NTLM_VERSION_LENGTH) return undefined;
  return readNtlmVersion(bytes, at);
}
