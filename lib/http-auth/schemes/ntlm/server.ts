import { buildNtlmChallenge } from './build';
import { filetimeFromUnixMs } from './filetime';
import { type NtlmFlagName, hasNtlmFlag } from './flags';
import type { NtlmNegotiateMessage } from './message';

// The server's answer to a NEGOTIATE (MS-NLMP §3.2.5.1.1): a CHALLENGE whose flags follow what the client
// asked for, with the target info NTLM v2 needs and a timestamp (§3.1.5.1.2: a client that sees
// MsvAvTimestamp uses it in its response, so the server can tell a fresh response from an old one).

export type NtlmServerIdentity = {
  /** Eight random bytes, new for every handshake. */
  serverChallenge: Uint8Array;
  /** NetBIOS domain name, also the TargetName: e.g. "LAB". */
  domain: string;
  /** NetBIOS computer name: e.g. "LAB-SERVER". */
  computer: string;
  dnsDomain?: string;
  dnsComputer?: string;
  /** Milliseconds since 1970, for MsvAvTimestamp. */
  now: number;
};

/** Flags the server grants when the client asks for them (§3.2.5.1.1); the others it always sets. */
const GRANTED_IF_ASKED: readonly NtlmFlagName[] = [
  'NTLMSSP_REQUEST_TARGET',
  'NTLMSSP_NEGOTIATE_SIGN',
  'NTLMSSP_NEGOTIATE_SEAL',
  'NTLMSSP_NEGOTIATE_ALWAYS_SIGN',
  'NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY',
  'NTLMSSP_NEGOTIATE_128',
  'NTLMSSP_NEGOTIATE_56',
  'NTLMSSP_NEGOTIATE_KEY_EXCH',
];

export function ntlmChallengeFor(negotiate: NtlmNegotiateMessage, server: NtlmServerIdentity): Uint8Array {
  const asked = negotiate.flags.value;
  // UNICODE when the client offers it, else OEM (§3.2.5.1.1); NTLM, target info and version always: the
  // lab speaks only NTLM v2, which needs TargetInfo.
  const flags: NtlmFlagName[] = [
    hasNtlmFlag(asked, 'NTLMSSP_NEGOTIATE_UNICODE') ? 'NTLMSSP_NEGOTIATE_UNICODE' : 'NTLM_NEGOTIATE_OEM',
    'NTLMSSP_TARGET_TYPE_DOMAIN',
    'NTLMSSP_NEGOTIATE_NTLM',
    'NTLMSSP_NEGOTIATE_TARGET_INFO',
    'NTLMSSP_NEGOTIATE_VERSION',
    ...GRANTED_IF_ASKED.filter((name) => hasNtlmFlag(asked, name)),
  ];
  return buildNtlmChallenge({
    serverChallenge: server.serverChallenge,
    targetName: server.domain,
    flags,
    targetInfo: [
      { name: 'MsvAvNbDomainName', value: server.domain },
      { name: 'MsvAvNbComputerName', value: server.computer },
      ...(server.dnsDomain === undefined ? [] : [{ name: 'MsvAvDnsDomainName' as const, value: server.dnsDomain }]),
      ...(server.dnsComputer === undefined ? [] : [{ name: 'MsvAvDnsComputerName' as const, value: server.dnsComputer }]),
      { name: 'MsvAvTimestamp', filetime: filetimeFromUnixMs(server.now) },
    ],
  });
}
