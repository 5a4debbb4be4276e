import { constantTimeEqual } from '../../bytes/constant-time';
import { findNtlmAvTimestamp, type NtlmAvPairs } from './av-pairs';
import { ntlmNtHash, ntlmNtProofStr, ntlmNtowfv2, ntlmSessionBaseKey } from './crypto';
import type { NtlmAuthenticateMessage } from './message';
import { ntlmExportedSessionKey, ntlmMic } from './mic';

// The server's check of an AUTHENTICATE message (MS-NLMP §3.2.5.1.2, with §3.3.2's formulas). Only NTLM v2
// is accepted; the older responses are recognised and refused with the reason, as a lesson would give it.

export type NtlmVerifyOptions = {
  /** The eight bytes this connection's CHALLENGE carried. */
  serverChallenge: Uint8Array;
  /** The lab's users, name to password; names match case-insensitively, as NTOWFv2 upper-cases them. */
  users: Readonly<Record<string, string>>;
  /** The TargetInfo the CHALLENGE carried; the client's copy must hold the same MsvAvTimestamp. */
  challengeTargetInfo?: NtlmAvPairs;
  /** Milliseconds since 1970; with it the response's TimeStamp is checked against maxAgeSeconds. */
  now?: number;
  /** How old the client's TimeStamp may be, 300 s by default; skewSeconds ahead of `now` (60 s). */
  maxAgeSeconds?: number;
  skewSeconds?: number;
  /**
   * The NEGOTIATE and CHALLENGE of this connection, as bytes: with them a MIC that MsvAvFlags announces
   * is checked (§3.2.5.1.2). Without them the MIC is not checked.
   */
  handshake?: { negotiate: Uint8Array; challenge: Uint8Array };
};

type Who = { user: string; domain: string; workstation: string };

export type NtlmVerification =
  | (Who & { kind: 'valid'; sessionBaseKey: Uint8Array })
  | (Who & {
      kind: 'anonymous' | 'ntlmv1-refused' | 'lm-refused' | 'malformed-response' | 'unknown-user' | 'wrong-password' | 'target-info-mismatch' | 'mic-mismatch';
      message: string;
    })
  | (Who & { kind: 'timestamp-out-of-window'; ageSeconds: number; message: string });

export const NTLM_V1_BROKEN =
  'NTLM v1 is refused: its response is DES of the server challenge under three keys cut from the NT hash (MS-NLMP §3.3.1), so one captured response lets anyone recover the NT hash by brute force on 56-bit DES keys, and the NT hash alone is enough to log in as the user.';
export const NTLM_LM_BROKEN =
  'An LM response is refused: it is DES keyed with the upper-cased password split into two 7-character halves (MS-NLMP §3.3.1), cracked in minutes, and accepting it lets any client downgrade the handshake.';

export async function verifyNtlmAuthenticate(message: NtlmAuthenticateMessage, options: NtlmVerifyOptions): Promise<NtlmVerification> {
  const who: Who = { user: message.user.value, domain: message.domain.value, workstation: message.workstation.value };
  const response = message.ntResponse.response;
  switch (response.kind) {
    case 'empty':
      return classifyWithoutNtResponse(message, who);
    case 'ntlmv1':
      return { ...who, kind: 'ntlmv1-refused', message: NTLM_V1_BROKEN };
    case 'malformed':
      return { ...who, kind: 'malformed-response', message: response.reason };
    case 'ntlmv2':
      break;
    default: {
      const never: never = response;
      return never;
    }
  }
  const password = lookUpPassword(options.users, who.user);
  if (password === undefined) return { ...who, kind: 'unknown-user', message: `The lab has no user "${who.user}".` };
  const responseKey = ntlmNtowfv2(await ntlmNtHash(password), who.user, who.domain);
  const expected = ntlmNtProofStr(responseKey, options.serverChallenge, response.blob);
  if (!constantTimeEqual(expected, response.ntProofStr)) {
    return {
      ...who,
      kind: 'wrong-password',
      message: `NTProofStr does not match HMAC-MD5(NTOWFv2, ServerChallenge ‖ blob) for "${who.user}" in domain "${who.domain}": a wrong password, or a response computed for another CHALLENGE (MS-NLMP §3.3.2).`,
    };
  }
  const served = options.challengeTargetInfo && findNtlmAvTimestamp(options.challengeTargetInfo);
  if (served !== undefined && findNtlmAvTimestamp(response.avPairs) !== served) {
    return {
      ...who,
      kind: 'target-info-mismatch',
      message: "The response's target info does not carry the MsvAvTimestamp this server's CHALLENGE sent (MS-NLMP §3.1.5.1.2).",
    };
  }
  const sessionBaseKey = ntlmSessionBaseKey(responseKey, response.ntProofStr);
  if (options.handshake && message.micAnnounced && !micMatches(message, sessionBaseKey, options.handshake)) {
    return {
      ...who,
      kind: 'mic-mismatch',
      message:
        'MsvAvFlags announces a MIC, and it does not match HMAC-MD5 over the NEGOTIATE, CHALLENGE and AUTHENTICATE of this connection: a message was changed on the way (MS-NLMP §3.2.5.1.2).',
    };
  }
  const window = checkTimestamp(response.unixMs, options);
  if (window) return { ...who, ...window };
  return { ...who, kind: 'valid', sessionBaseKey };
}

function micMatches(message: NtlmAuthenticateMessage, sessionBaseKey: Uint8Array, handshake: { negotiate: Uint8Array; challenge: Uint8Array }): boolean {
  if (!message.mic) return false;
  const keyExchange = message.flags.names.includes('NTLMSSP_NEGOTIATE_KEY_EXCH');
  const exported = ntlmExportedSessionKey(sessionBaseKey, keyExchange, message.encryptedRandomSessionKey.bytes);
  return constantTimeEqual(ntlmMic(exported, handshake.negotiate, handshake.challenge, message.bytes), message.mic.bytes);
}

/** §3.2.5.1.2: an empty NtChallengeResponse with an empty or one-zero-byte LmChallengeResponse is anonymous. */
function classifyWithoutNtResponse(message: NtlmAuthenticateMessage, who: Who): NtlmVerification {
  const lm = message.lmResponse.bytes;
  if (lm.length === 0 || (lm.length === 1 && lm[0] === 0)) {
    return {
      ...who,
      kind: 'anonymous',
      message: 'An anonymous AUTHENTICATE (no user, no NT response, MS-NLMP §3.2.5.1.2): it proves nothing, and the lab does not accept it.',
    };
  }
  return { ...who, kind: 'lm-refused', message: NTLM_LM_BROKEN };
}

function lookUpPassword(users: Readonly<Record<string, string>>, user: string): string | undefined {
  const wanted = user.toUpperCase();
  for (const [name, password] of Object.entries(users)) if (name.toUpperCase() === wanted) return password;
  return undefined;
}

function checkTimestamp(unixMs: number, options: NtlmVerifyOptions): { kind: 'timestamp-out-of-window'; ageSeconds: number; message: string } | undefined {
  if (options.now === undefined) return undefined;
  const ageSeconds = Math.round((options.now - unixMs) / 1000);
  const maxAge = options.maxAgeSeconds ?? 300;
  const skew = options.skewSeconds ?? 60;
  if (ageSeconds > maxAge) {
    return {
      kind: 'timestamp-out-of-window',
      ageSeconds,
      message: `The response's TimeStamp is ${ageSeconds} s old; the lab accepts ${maxAge} s, so an old response cannot be replayed.`,
    };
  }
  if (-ageSeconds > skew) {
    return {
      kind: 'timestamp-out-of-window',
      ageSeconds,
      message: `The response's TimeStamp is ${-ageSeconds} s in the future; the lab allows ${skew} s of clock skew.`,
    };
  }
  return undefined;
}
