// NTLM over HTTP (Microsoft's [MS-NLMP] and [MS-NTHT]): the three messages read field by field and built,
// NTLM v2 computed and verified, NTLM v1 and LM recognised and refused.
export {
  NTLM_AV_FLAG_BITS,
  NTLM_AV_IDS,
  type NtlmAvFlagName,
  type NtlmAvName,
  type NtlmAvPair,
  type NtlmAvPairInput,
  type NtlmAvPairs,
  readNtlmAvPairs,
  writeNtlmAvPairs,
} from './av-pairs';
export { NTLM_FLAGS, type NtlmFlagName, type NtlmFlags, decodeNtlmFlags, encodeNtlmFlags, hasNtlmFlag } from './flags';
export { type NtlmVersion, LAB_NTLM_VERSION, readNtlmVersion } from './version';
export { filetimeFromUnixMs, unixMsFromFiletime } from './filetime';
export type { NtlmBytesField, NtlmField, NtlmTextField } from './fields';
export type { NtlmNtResponse } from './nt-response';
export {
  NTLM_MAX_MESSAGE_BYTES,
  NTLM_SIGNATURE,
  type NtlmAuthenticateMessage,
  type NtlmChallengeMessage,
  type NtlmMessage,
  type NtlmMessageFailure,
  type NtlmMessageFailureKind,
  type NtlmMessageKind,
  type NtlmMessageRead,
  type NtlmNegotiateMessage,
} from './message';
export { readNtlmMessage } from './read';
export {
  NTLM_CLIENT_FLAGS,
  NTLM_SERVER_FLAGS,
  type NtlmAuthenticateInput,
  type NtlmChallengeInput,
  type NtlmNegotiateInput,
  buildNtlmAuthenticate,
  buildNtlmChallenge,
  buildNtlmNegotiate,
} from './build';
export { ntlmLmv2Response, ntlmNtHash, ntlmNtProofStr, ntlmNtowfv2, ntlmSessionBaseKey } from './crypto';
export { ntlmv2Blob } from './blob';
export { type NtlmClientIdentity, type NtlmClientOptions, type NtlmClientResponse, ntlmAuthenticateFor } from './client';
export { NTLM_LM_BROKEN, NTLM_V1_BROKEN, type NtlmVerification, type NtlmVerifyOptions, verifyNtlmAuthenticate } from './verify';
export { ntlmChallenge, readNtlmCredentials } from './header';
export { type NtlmServerIdentity, ntlmChallengeFor } from './server';
export { type NtlmLayoutRow, ntlmMessageLayout } from './layout';
export { ntlmExportedSessionKey, ntlmMic } from './mic';
