// MS-NLMP §2.2.2.5 NEGOTIATE: the 32 bits of NegotiateFlags, from A (bit 0) to W (bit 31). The r1-r10 bits
// are reserved and "MUST be set to zero"; they are kept apart so a learner sees a sender that sets them.

export const NTLM_FLAGS = [
  { name: 'NTLMSSP_NEGOTIATE_UNICODE', bit: 0x00000001, letter: 'A', meaning: 'strings in the messages are UTF-16LE' },
  { name: 'NTLM_NEGOTIATE_OEM', bit: 0x00000002, letter: 'B', meaning: 'strings may be in the OEM code page' },
  { name: 'NTLMSSP_REQUEST_TARGET', bit: 0x00000004, letter: 'C', meaning: 'the client asks for the TargetName in the CHALLENGE' },
  { name: 'NTLMSSP_NEGOTIATE_SIGN', bit: 0x00000010, letter: 'D', meaning: 'session signing (integrity)' },
  { name: 'NTLMSSP_NEGOTIATE_SEAL', bit: 0x00000020, letter: 'E', meaning: 'session sealing (confidentiality)' },
  { name: 'NTLMSSP_NEGOTIATE_DATAGRAM', bit: 0x00000040, letter: 'F', meaning: 'connectionless (datagram) NTLM' },
  { name: 'NTLMSSP_NEGOTIATE_LM_KEY', bit: 0x00000080, letter: 'G', meaning: 'the LAN Manager session key (broken, see §3.3.1)' },
  { name: 'NTLMSSP_NEGOTIATE_NTLM', bit: 0x00000200, letter: 'H', meaning: 'NTLM v1 session security' },
  { name: 'NTLMSSP_ANONYMOUS', bit: 0x00000800, letter: 'J', meaning: 'the connection should be anonymous' },
  { name: 'NTLMSSP_NEGOTIATE_OEM_DOMAIN_SUPPLIED', bit: 0x00001000, letter: 'K', meaning: 'the NEGOTIATE carries the client domain' },
  { name: 'NTLMSSP_NEGOTIATE_OEM_WORKSTATION_SUPPLIED', bit: 0x00002000, letter: 'L', meaning: 'the NEGOTIATE carries the workstation name' },
  { name: 'NTLMSSP_NEGOTIATE_ALWAYS_SIGN', bit: 0x00008000, letter: 'M', meaning: 'a signature on every message, even a dummy one' },
  { name: 'NTLMSSP_TARGET_TYPE_DOMAIN', bit: 0x00010000, letter: 'N', meaning: 'TargetName is a domain name' },
  { name: 'NTLMSSP_TARGET_TYPE_SERVER', bit: 0x00020000, letter: 'O', meaning: 'TargetName is a server name' },
  {
    name: 'NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY',
    bit: 0x00080000,
    letter: 'P',
    meaning: 'NTLM v2 session security (and, with NTLM v1, the NTLM2 session response)',
  },
  { name: 'NTLMSSP_NEGOTIATE_IDENTIFY', bit: 0x00100000, letter: 'Q', meaning: 'an identify-level token' },
  { name: 'NTLMSSP_REQUEST_NON_NT_SESSION_KEY', bit: 0x00400000, letter: 'R', meaning: 'the LMOWF-based session key' },
  { name: 'NTLMSSP_NEGOTIATE_TARGET_INFO', bit: 0x00800000, letter: 'S', meaning: 'the CHALLENGE carries TargetInfo (AV pairs)' },
  { name: 'NTLMSSP_NEGOTIATE_VERSION', bit: 0x02000000, letter: 'T', meaning: 'the Version field is present' },
  { name: 'NTLMSSP_NEGOTIATE_128', bit: 0x20000000, letter: 'U', meaning: '128-bit session keys' },
  { name: 'NTLMSSP_NEGOTIATE_KEY_EXCH', bit: 0x40000000, letter: 'V', meaning: 'an explicit key exchange (EncryptedRandomSessionKey)' },
  { name: 'NTLMSSP_NEGOTIATE_56', bit: 0x80000000, letter: 'W', meaning: '56-bit encryption' },
] as const;

export type NtlmFlagName = (typeof NTLM_FLAGS)[number]['name'];

/** The flags word read bit by bit: the names set, and any reserved bit a sender set anyway. */
export type NtlmFlags = { value: number; names: NtlmFlagName[]; reservedBits: number };

const KNOWN_BITS = NTLM_FLAGS.reduce((all, f) => (all | f.bit) >>> 0, 0);

export function decodeNtlmFlags(value: number): NtlmFlags {
  const v = value >>> 0;
  return { value: v, names: NTLM_FLAGS.filter((f) => (v & f.bit) !== 0).map((f) => f.name), reservedBits: (v & ~KNOWN_BITS) >>> 0 };
}

export function encodeNtlmFlags(names: readonly NtlmFlagName[]): number {
  return names.reduce((v, name) => (v | (NTLM_FLAGS.find((f) => f.name === name)?.bit ?? 0)) >>> 0, 0);
}

export function hasNtlmFlag(flags: number, name: NtlmFlagName): boolean {
  const bit = NTLM_FLAGS.find((f) => f.name === name)?.bit ?? 0;
  return ((flags >>> 0) & bit) !== 0;
}
