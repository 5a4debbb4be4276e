import type { NtlmAvPairs } from './av-pairs';
import type { NtlmBytesField, NtlmTextField } from './fields';
import type { NtlmFlags } from './flags';
import type { NtlmNtResponse } from './nt-response';
import type { NtlmVersion } from './version';

// The three NTLM messages as a learner reads them, field by field (MS-NLMP §2.2.1). Every message starts
// with Signature "NTLMSSP\0" and MessageType (1, 2 or 3); `bytes` keeps the message as received, which
// the MIC (§3.1.5.1.2) is computed over.

export const NTLM_SIGNATURE = 'NTLMSSP\0';

type NtlmMessageBase = { signature: typeof NTLM_SIGNATURE; flags: NtlmFlags; version: NtlmVersion | undefined; bytes: Uint8Array };

/** MS-NLMP §2.2.1.1: the client's opening, "here is what I can do". Old clients send 16 bytes, no fields. */
export type NtlmNegotiateMessage = NtlmMessageBase & {
  kind: 'negotiate';
  messageType: 1;
  domain: NtlmTextField | undefined;
  workstation: NtlmTextField | undefined;
};

/** MS-NLMP §2.2.1.2: the server's nonce and who it is. */
export type NtlmChallengeMessage = NtlmMessageBase & {
  kind: 'challenge';
  messageType: 2;
  targetName: NtlmTextField;
  serverChallenge: Uint8Array;
  /** TargetInfo, absent from the oldest 32-byte CHALLENGE messages. */
  targetInfo: (NtlmBytesField & { avPairs: NtlmAvPairs }) | undefined;
};

/** MS-NLMP §2.2.1.3: the client's proof that it knows the password, and who it claims to be. */
export type NtlmAuthenticateMessage = NtlmMessageBase & {
  kind: 'authenticate';
  messageType: 3;
  lmResponse: NtlmBytesField;
  ntResponse: NtlmBytesField & { response: NtlmNtResponse };
  domain: NtlmTextField;
  user: NtlmTextField;
  workstation: NtlmTextField;
  encryptedRandomSessionKey: NtlmBytesField;
  /** The 16 bytes at offset 72, when the fixed part is long enough to hold them. */
  mic: { offset: 72; bytes: Uint8Array } | undefined;
  /** MsvAvFlags in the NTLMv2 response says a MIC is there (bit 0x2, §2.2.2.1). */
  micAnnounced: boolean;
};

export type NtlmMessage = NtlmNegotiateMessage | NtlmChallengeMessage | NtlmAuthenticateMessage;
export type NtlmMessageKind = NtlmMessage['kind'];

export const NTLM_MESSAGE_TYPES: Record<NtlmMessageKind, 1 | 2 | 3> = { negotiate: 1, challenge: 2, authenticate: 3 };

export type NtlmMessageFailureKind =
  | 'not-base64'
  | 'oversized'
  | 'too-short'
  | 'bad-signature'
  | 'unknown-type'
  | 'wrong-type'
  | 'field-out-of-bounds'
  | 'av-pair-out-of-bounds'
  | 'av-pair-bad-length';

/** Why bytes are not the NTLM message expected; `offset` is in the decoded bytes (in the text for not-base64). */
export type NtlmMessageFailure = { kind: NtlmMessageFailureKind; message: string; offset: number };

export type NtlmMessageRead<M extends NtlmMessage = NtlmMessage> = { kind: 'message'; message: M } | NtlmMessageFailure;

/**
 * A bound on what is decoded at all. NTLM messages are a few hundred bytes; target info with every AV
 * pair stays well under 2 KiB. 16 KiB leaves room for odd clients and keeps hostile input cheap.
 */
export const NTLM_MAX_MESSAGE_BYTES = 16 * 1024;
