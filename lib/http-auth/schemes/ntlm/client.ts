import { findNtlmAvTimestamp } from './av-pairs';
import { ntlmv2Blob } from './blob';
import { type NtlmAuthenticateInput, buildNtlmAuthenticate } from './build';
import { concatBytes } from './bytes';
import { ntlmLmv2Response, ntlmNtHash, ntlmNtProofStr, ntlmNtowfv2, ntlmSessionBaseKey } from './crypto';
import { filetimeFromUnixMs } from './filetime';
import type { NtlmChallengeMessage } from './message';

// The client's side of NTLM v2 (MS-NLMP §3.1.5.1.2 and §3.3.2), for the tests and the playground's
// simulated client. No session security: HTTP authentication needs only the proof.

export type NtlmClientIdentity = { user: string; domain: string; password: string; workstation: string };

export type NtlmClientOptions = {
  /** Eight random bytes; given by tests for reproducible messages. */
  clientChallenge: Uint8Array;
  /** Used when the CHALLENGE has no MsvAvTimestamp; milliseconds since 1970. */
  now: number;
  /** Room for a MIC (zeros: this client keeps no session key to compute one with). */
  withMic?: boolean;
};

export type NtlmClientResponse = { authenticate: Uint8Array; ntProofStr: Uint8Array; sessionBaseKey: Uint8Array };

export async function ntlmAuthenticateFor(
  challenge: NtlmChallengeMessage,
  identity: NtlmClientIdentity,
  options: NtlmClientOptions,
): Promise<NtlmClientResponse> {
  const serverTime = challenge.targetInfo && findNtlmAvTimestamp(challenge.targetInfo.avPairs);
  const time = serverTime ?? filetimeFromUnixMs(options.now);
  const targetInfo = challenge.targetInfo?.bytes ?? new Uint8Array(4);
  const responseKey = ntlmNtowfv2(await ntlmNtHash(identity.password), identity.user, identity.domain);
  const blob = ntlmv2Blob(time, options.clientChallenge, targetInfo);
  const ntProofStr = ntlmNtProofStr(responseKey, challenge.serverChallenge, blob);
  // §3.1.5.1.2: with a server timestamp the client "SHOULD NOT send LmChallengeResponse": Z(24).
  const lmResponse = serverTime === undefined ? ntlmLmv2Response(responseKey, challenge.serverChallenge, options.clientChallenge) : new Uint8Array(24);
  const input: NtlmAuthenticateInput = {
    flags: challenge.flags.value,
    lmResponse,
    ntResponse: concatBytes(ntProofStr, blob),
    domain: identity.domain,
    user: identity.user,
    workstation: identity.workstation,
    ...(options.withMic ? { mic: new Uint8Array(16) } : {}),
  };
  return { authenticate: buildNtlmAuthenticate(input), ntProofStr, sessionBaseKey: ntlmSessionBaseKey(responseKey, ntProofStr) };
}
