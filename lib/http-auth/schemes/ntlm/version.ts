import { readU16 } from './bytes';

// MS-NLMP §2.2.2.10 VERSION: eight bytes that say which Windows (or which imitation of it) sent the
// message. "Used for debugging purposes only"; nothing may depend on it.

export type NtlmVersion = {
  productMajor: number;
  productMinor: number;
  productBuild: number;
  /** NTLMRevisionCurrent: 0x0F, NTLMSSP_REVISION_W2K3, for every current implementation. */
  ntlmRevision: number;
  /** e.g. "10.0.19041, NTLM revision 15". */
  text: string;
};

export const NTLM_VERSION_LENGTH = 8;

export function readNtlmVersion(bytes: Uint8Array, at: number): NtlmVersion {
  const productMajor = bytes[at] ?? 0;
  const productMinor = bytes[at + 1] ?? 0;
  const productBuild = readU16(bytes, at + 2);
  const ntlmRevision = bytes[at + 7] ?? 0;
  return { productMajor, productMinor, productBuild, ntlmRevision, text: `${productMajor}.${productMinor}.${productBuild}, NTLM revision ${ntlmRevision}` };
}

export function writeNtlmVersion(version: Pick<NtlmVersion, 'productMajor' | 'productMinor' | 'productBuild' | 'ntlmRevision'>): Uint8Array {
  const out = new Uint8Array(NTLM_VERSION_LENGTH);
  out[0] = version.productMajor & 0xff;
  out[1] = version.productMinor & 0xff;
  out[2] = version.productBuild & 0xff;
  out[3] = (version.productBuild >>> 8) & 0xff;
  out[7] = version.ntlmRevision & 0xff;
  return out;
}

/** What the lab's own messages say they are: Windows 10 build 19041, the current NTLM revision. */
export const LAB_NTLM_VERSION = { productMajor: 10, productMinor: 0, productBuild: 19041, ntlmRevision: 0x0f } as const;
