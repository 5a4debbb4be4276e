import { type NtlmAvPairInput, writeNtlmAvPairs } from './av-pairs';
import { encodeUtf16le, writeU32 } from './bytes';
import { type NtlmFlagName, encodeNtlmFlags, hasNtlmFlag } from './flags';
import { LAB_NTLM_VERSION, type NtlmVersion, writeNtlmVersion } from './version';
import { layOutNtlmMessage } from './writer';

// The three messages built from their parts (MS-NLMP §2.2.1). The server side needs only the CHALLENGE;
// the NEGOTIATE and AUTHENTICATE are for tests and the playground's simulated client.

type VersionInput = Pick<NtlmVersion, 'productMajor' | 'productMinor' | 'productBuild' | 'ntlmRevision'>;

/** What a current Windows client offers: Unicode, NTLM v2 session security, 128- and 56-bit keys. */
export const NTLM_CLIENT_FLAGS: readonly NtlmFlagName[] = [
  'NTLMSSP_NEGOTIATE_UNICODE',
  'NTLM_NEGOTIATE_OEM',
  'NTLMSSP_REQUEST_TARGET',
  'NTLMSSP_NEGOTIATE_NTLM',
  'NTLMSSP_NEGOTIATE_ALWAYS_SIGN',
  'NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY',
  'NTLMSSP_NEGOTIATE_VERSION',
  'NTLMSSP_NEGOTIATE_128',
  'NTLMSSP_NEGOTIATE_56',
];

/** What the lab answers with: the client's set plus a domain target and target info (§3.2.5.1.1). */
export const NTLM_SERVER_FLAGS: readonly NtlmFlagName[] = [
  'NTLMSSP_NEGOTIATE_UNICODE',
  'NTLMSSP_REQUEST_TARGET',
  'NTLMSSP_NEGOTIATE_NTLM',
  'NTLMSSP_NEGOTIATE_ALWAYS_SIGN',
  'NTLMSSP_TARGET_TYPE_DOMAIN',
  'NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY',
  'NTLMSSP_NEGOTIATE_TARGET_INFO',
  'NTLMSSP_NEGOTIATE_VERSION',
  'NTLMSSP_NEGOTIATE_128',
  'NTLMSSP_NEGOTIATE_56',
];

function flagsValue(flags: readonly NtlmFlagName[] | number): number {
  return typeof flags === 'number' ? flags >>> 0 : encodeNtlmFlags(flags);
}

/** OEM strings: the lab writes Latin-1, one byte per character (anything above U+00FF is cut to its low byte). */
function latin1(text: string | undefined): Uint8Array {
  return Uint8Array.from(text ?? '', (c) => c.charCodeAt(0) & 0xff);
}

function versionBytes(flags: number, version: VersionInput | undefined): Uint8Array | undefined {
  return hasNtlmFlag(flags, 'NTLMSSP_NEGOTIATE_VERSION') ? writeNtlmVersion(version ?? LAB_NTLM_VERSION) : undefined;
}

export type NtlmNegotiateInput = { flags?: readonly NtlmFlagName[] | number; domain?: string; workstation?: string; version?: VersionInput };

/** §2.2.1.1; the names are OEM (here: Latin-1) strings. */
export function buildNtlmNegotiate(input: NtlmNegotiateInput = {}): Uint8Array {
  const flags = flagsValue(input.flags ?? NTLM_CLIENT_FLAGS);
  const version = versionBytes(flags, input.version);
  const values = [
    { headerOffset: 16, bytes: latin1(input.domain) },
    { headerOffset: 24, bytes: latin1(input.workstation) },
  ];
  return layOutNtlmMessage(1, version ? 40 : 32, values, (m) => {
    writeU32(m, 12, flags);
    if (version) m.set(version, 32);
  });
}

export type NtlmChallengeInput = {
  /** Eight random bytes, new for every CHALLENGE (§3.2.5.1.1: "a 64-bit nonce"). */
  serverChallenge: Uint8Array;
  targetName: string;
  targetInfo: readonly NtlmAvPairInput[];
  flags?: readonly NtlmFlagName[] | number;
  version?: VersionInput;
};

/** §2.2.1.2; TargetName in UTF-16LE with NTLMSSP_NEGOTIATE_UNICODE, else in the OEM set (here: Latin-1). */
export function buildNtlmChallenge(input: NtlmChallengeInput): Uint8Array {
  if (input.serverChallenge.length !== 8) throw new TypeError(`ServerChallenge is 8 bytes (MS-NLMP §2.2.1.2), not ${input.serverChallenge.length}.`);
  const flags = flagsValue(input.flags ?? NTLM_SERVER_FLAGS);
  const version = versionBytes(flags, input.version);
  const values = [
    { headerOffset: 12, bytes: hasNtlmFlag(flags, 'NTLMSSP_NEGOTIATE_UNICODE') ? encodeUtf16le(input.targetName) : latin1(input.targetName) },
    { headerOffset: 40, bytes: writeNtlmAvPairs(input.targetInfo) },
  ];
  return layOutNtlmMessage(2, version ? 56 : 48, values, (m) => {
    writeU32(m, 20, flags);
    m.set(input.serverChallenge, 24);
    if (version) m.set(version, 48);
  });
}

export type NtlmAuthenticateInput = {
  flags: readonly NtlmFlagName[] | number;
  lmResponse: Uint8Array;
  ntResponse: Uint8Array;
  domain: string;
  user: string;
  workstation: string;
  encryptedRandomSessionKey?: Uint8Array;
  version?: VersionInput;
  /** Room for a MIC at offset 72 (§2.2.1.3), with these 16 bytes in it. */
  mic?: Uint8Array;
};

/** §2.2.1.3, in the payload order Windows uses: domain, user, workstation, LM, NT, session key. */
export function buildNtlmAuthenticate(input: NtlmAuthenticateInput): Uint8Array {
  const flags = flagsValue(input.flags);
  const version = versionBytes(flags, input.version);
  const values = [
    { headerOffset: 28, bytes: encodeUtf16le(input.domain) },
    { headerOffset: 36, bytes: encodeUtf16le(input.user) },
    { headerOffset: 44, bytes: encodeUtf16le(input.workstation) },
    { headerOffset: 12, bytes: input.lmResponse },
    { headerOffset: 20, bytes: input.ntResponse },
    { headerOffset: 52, bytes: input.encryptedRandomSessionKey ?? new Uint8Array(0) },
  ];
  const fixed = input.mic ? 88 : version ? 72 : 64;
  return layOutNtlmMessage(3, fixed, values, (m) => {
    writeU32(m, 60, flags);
    if (version) m.set(version, 64);
    if (input.mic) m.set(input.mic.subarray(0, 16), 72);
  });
}
