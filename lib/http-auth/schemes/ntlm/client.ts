import { findNtlmAvTimestamp } from './av-pairs';
import { ntlmv2Blob } from './blob';
import { type NtlmAuthenticateInput, buildNtlmAuthenticate } from './build';
import { concatBytes, readU16 } from './bytes';
import { ntlmLmv2Response, ntlmNtHash, ntlmNtProofStr, ntlmNtowfv2, ntlmSessionBaseKey } from './crypto';
import { filetimeFromUnixMs } from './filetime';
import { encodeNtlmFlags } from './flags';
import type { NtlmChallengeMessage } from './message';
import { ntlmMic } from './mic';

// The client's side of NTLM v2 (MS-NLMP §3.1.5.1.2 and §3.3.2), for the tests and the playground's
// simulated client. No key exchange and no session security: HTTP authentication needs only the proof.

export type NtlmClientIdentity = { user: string; domain: string; password: string; workstation: string };

export type NtlmClientOptions = {
  /** Eight random bytes; given by tests for reproducible messages. */
  clientChallenge: Uint8Array;
  /** Used when the CHALLENGE has no MsvAvTimestamp; milliseconds since 1970. */
  now: number;
  /** Room for a MIC, left zero (to see how a server reads a message with one). */
  withMic?: boolean;
  /** The NEGOTIATE this client sent: with it the client announces a MIC in MsvAvFlags and computes it. */
  negotiate?: Uint8Array;
};

export type NtlmClientResponse = { authenticate: Uint8Array; ntProofStr: Uint8Array; sessionBaseKey: Uint8Array };

/** MsvAvFlags with bit 0x2, "the client is providing message integrity in the MIC field" (§2.2.2.1). */
const MIC_PRESENT_PAIR = Uint8Array.of(6, 0, 4, 0, 2, 0, 0, 0);
const KEY_EXCH = encodeNtlmFlags(['NTLMSSP_NEGOTIATE_KEY_EXCH']);

export async function ntlmAuthenticateFor(
  challenge: NtlmChallengeMessage,
  identity: NtlmClientIdentity,
  options: NtlmClientOptions,
): Promise<NtlmClientResponse> {
  const serverTime = challenge.targetInfo && findNtlmAvTimestamp(challenge.targetInfo.avPairs);
  const time = serverTime ?? filetimeFromUnixMs(options.now);
  const served = challenge.targetInfo?.bytes ?? new Uint8Array(0);
  const targetInfo = options.negotiate ? concatBytes(withoutEol(served), MIC_PRESENT_PAIR, new Uint8Array(4)) : served.length > 0 ? served : new Uint8Array(4);
  const responseKey = ntlmNtowfv2(await ntlmNtHash(identity.password), identity.user, identity.domain);
  const blob = ntlmv2Blob(time, options.clientChallenge, targetInfo);
  const ntProofStr = ntlmNtProofStr(responseKey, challenge.serverChallenge, blob);
  const sessionBaseKey = ntlmSessionBaseKey(responseKey, ntProofStr);
  // §3.1.5.1.2: with a server timestamp the client "SHOULD NOT send LmChallengeResponse": Z(24).
  const lmResponse = serverTime === undefined ? ntlmLmv2Response(responseKey, challenge.serverChallenge, options.clientChallenge) : new Uint8Array(24);
  const input: NtlmAuthenticateInput = {
    flags: (challenge.flags.value & ~KEY_EXCH) >>> 0,
    lmResponse,
    ntResponse: concatBytes(ntProofStr, blob),
    domain: identity.domain,
    user: identity.user,
    workstation: identity.workstation,
    ...(options.withMic || options.negotiate ? { mic: new Uint8Array(16) } : {}),
  };
  const authenticate = buildNtlmAuthenticate(input);
  // Without key exchange the ExportedSessionKey is the KeyExchangeKey, the SessionBaseKey (§3.4.5.1).
  if (options.negotiate) authenticate.set(ntlmMic(sessionBaseKey, options.negotiate, challenge.bytes, authenticate), 72);
  return { authenticate, ntProofStr, sessionBaseKey };
}

/** The AV pairs before MsvAvEOL, so a pair can be added. */
function withoutEol(pairs: Uint8Array): Uint8Array {
  let at = 0;
  while (at + 4 <= pairs.length && readU16(pairs, at) !== 0) at += 4 + readU16(pairs, at + 2);
  return pairs.subarray(0, Math.min(at, pairs.length));
}
