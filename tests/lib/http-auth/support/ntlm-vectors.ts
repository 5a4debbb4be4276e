// Golden NTLM values. MS-NLMP §4.2.1 (common values) and §4.2.4 (NTLMv2): user "User", domain "Domain",
// password "Password", server challenge 0123456789abcdef, client challenge aaaaaaaaaaaaaaaa, time 0.
// The two messages are §4.2.4.3's CHALLENGE_MESSAGE and AUTHENTICATE_MESSAGE, byte for byte.

export const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
export const toHexString = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

export const MS_NLMP = {
  user: 'User',
  domain: 'Domain',
  password: 'Password',
  serverName: 'Server',
  workstation: 'COMPUTER',
  serverChallenge: hex('0123456789abcdef'),
  clientChallenge: hex('aaaaaaaaaaaaaaaa'),
  /** §4.2.2.1.2 NTOWFv1, the NT hash. */
  ntHash: 'a4f49c406510bdcab6824ee7c30fd852',
  /** §4.2.4.1.1 NTOWFv2. */
  ntowfv2: '0c868a403bfd7a93a3001ef22ef02e3f',
  /** §4.2.4.2.1 LMv2 response. */
  lmv2Response: '86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa',
  /** §4.2.4.2.2 NTProofStr, and §4.2.4.1.2 SessionBaseKey. */
  ntProofStr: '68cd0ab851e51c96aabc927bebef6a1c',
  sessionBaseKey: '8de40ccadbc14a82f15cb0ad0de95ca3',
  /** §4.2.4 AV pairs: MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server", MsvAvEOL. */
  targetInfo: hex('02000c0044006f006d00610069006e00 01000c00530065007200760065007200 00000000'),
  /** §4.2.2.2.1 NTLMv1 response, for recognising (and refusing) v1. */
  ntlmv1Response: hex('67c43011f30298a2ad35ece64f16331c44bdbed927841f94'),
  challengeMessage: hex(`
    4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef0000000000000000
    2400240044000000060070170000000f53006500720076006500720002000c0044006f006d0061
    0069006e0001000c0053006500720076006500720000000000`),
  authenticateMessage: hex(`
    4e544c4d5353500003000000180018006c00000054005400840000000c000c00480000000800080054000000
    100010005c00000010001000d8000000358288e20501280a0000000f44006f006d00610069006e005500730065
    00720043004f004d005000550054004500520086c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa68cd0a
    b851e51c96aabc927bebef6a1c01010000000000000000000000000000aaaaaaaaaaaaaaaa0000000002000c0044
    006f006d00610069006e0001000c005300650072007600650072000000000000000000c5dad2544fc9799094ce
    1ce90bc9d03e`),
};

/**
 * A real AUTHENTICATE from a Windows Server 2003 client (Version 5.2.3790), published with the go-ntlm
 * tests: user "userstress100008", password "Welcome1", server challenge 3d74b2d04ebe1eb3. Independent of
 * MS-NLMP's vectors, with DNS names and an MsvAvTimestamp-less blob.
 */
export const WINDOWS_2003 = {
  password: 'Welcome1',
  serverChallenge: hex('3d74b2d04ebe1eb3'),
  authenticate:
    'TlRMTVNTUAADAAAAGAAYALYAAADSANIAzgAAADQANABIAAAAIAAgAHwAAAAaABoAnAAAABAAEACgAQAAVYKQQgUCzg4AAAAPYQByAHIAYQB5ADEAMgAuAG0AcwBnAHQAcwB0AC4AcgBlAHUAdABlAHIAcwAuAGMAbwBtAHUAcwBlAHIAcwB0AHIAZQBzAHMAMQAwADAAMAAwADgATgBZAEMAVgBBADEAMgBTADIAQwBNAFMAQQBPYrLjU4h0YlWZeEoNvTJtBQMnnJuAeUwsP+vGmAHNRBpgZ+4ChQLqAQEAAAAAAACPFEIFjx7OAQUDJ5ybgHlMAAAAAAIADgBSAEUAVQBUAEUAUgBTAAEAHABVAEsAQgBQAC0AQwBCAFQAUgBNAEYARQAwADYABAAWAFIAZQB1AHQAZQByAHMALgBuAGUAdAADADQAdQBrAGIAcAAtAGMAYgB0AHIAbQBmAGUAMAA2AC4AUgBlAHUAdABlAHIAcwAuAG4AZQB0AAUAFgBSAGUAdQB0AGUAcgBzAC4AbgBlAHQAAAAAAAAAAAANuvnqD3K88ZpjkLleL0NW',
};

/** The 16-byte NEGOTIATE many clients and guides send (no domain or workstation fields at all). */
export const SHORT_NEGOTIATE = 'TlRMTVNTUAABAAAAB4IIAA==';
