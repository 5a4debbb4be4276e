import { type NtlmAvPairs, readNtlmAvPairs } from './av-pairs';
import { readU64 } from './bytes';
import { unixMsFromFiletime } from './filetime';

// What the NtChallengeResponse field holds, told apart by its length (MS-NLMP §3.2.5.1.2): empty for
// an anonymous client, 24 bytes for NTLM v1 (§2.2.2.6), longer for NTLM v2 (§2.2.2.8): NTProofStr, then
// the NTLMv2_CLIENT_CHALLENGE "blob" (§2.2.2.7) the proof covers.

export type NtlmNtResponse =
  | { kind: 'empty' }
  | { kind: 'ntlmv1'; response: Uint8Array }
  | {
      kind: 'ntlmv2';
      /** HMAC-MD5(NTOWFv2, ServerChallenge ‖ blob), §3.3.2. */
      ntProofStr: Uint8Array;
      /** The NTLMv2_CLIENT_CHALLENGE, "temp" in §3.3.2. */
      blob: Uint8Array;
      respType: number;
      hiRespType: number;
      /** The client's TimeStamp: the server's MsvAvTimestamp when it sent one (§3.1.5.1.2). */
      timestamp: bigint;
      unixMs: number;
      clientChallenge: Uint8Array;
      avPairs: NtlmAvPairs;
    }
  | { kind: 'malformed'; reason: string };

/** RespType, HiRespType, Reserved1-2, TimeStamp, ChallengeFromClient, Reserved3: 28 bytes before AvPairs. */
const BLOB_FIXED = 28;
const PROOF = 16;

export function readNtResponse(bytes: Uint8Array): NtlmNtResponse {
  if (bytes.length === 0) return { kind: 'empty' };
  if (bytes.length === 24) return { kind: 'ntlmv1', response: bytes };
  if (bytes.length < PROOF + BLOB_FIXED) {
    return {
      kind: 'malformed',
      reason: `${bytes.length} bytes is neither an NTLM v1 response (24) nor long enough for an NTLM v2 one (at least ${PROOF + BLOB_FIXED}), MS-NLMP §2.2.2.6-§2.2.2.8.`,
    };
  }
  const blob = bytes.subarray(PROOF);
  const respType = blob[0] ?? 0;
  const hiRespType = blob[1] ?? 0;
  if (respType !== 1 || hiRespType !== 1) {
    return { kind: 'malformed', reason: `The NTLMv2 blob starts with RespType ${respType} and HiRespType ${hiRespType}; both MUST be 1 (MS-NLMP §2.2.2.7).` };
  }
  const avPairs = readNtlmAvPairs(blob.subarray(BLOB_FIXED));
  // §3.3.2 appends Z(4) after the AV pairs and some clients pad further: bytes after MsvAvEOL are fine,
  // a pair that runs past the blob is not.
  if (avPairs.kind !== 'pairs') return { kind: 'malformed', reason: avPairs.message };
  const timestamp = readU64(blob, 8);
  return {
    kind: 'ntlmv2',
    ntProofStr: bytes.subarray(0, PROOF),
    blob,
    respType,
    hiRespType,
    timestamp,
    unixMs: unixMsFromFiletime(timestamp),
    clientChallenge: blob.subarray(16, 24),
    avPairs: avPairs.value,
  };
}
