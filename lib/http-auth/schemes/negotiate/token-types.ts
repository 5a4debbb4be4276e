import type { NtlmMessageRead } from '../ntlm/message';
import type { DerFailureKind } from './der';
import type { KerberosToken } from './kerberos';
import type { NegotiateMechanism } from './oid';

// What a `Negotiate` token holds (RFC 4559 §4): a SPNEGO token (RFC 4178) offering mechanisms, a bare
// Kerberos GSS token, or, as Windows servers accept, a raw NTLM message with no SPNEGO around it.

/** A token carried inside SPNEGO's mechToken or responseToken. */
export type NegotiateInnerToken = { kind: 'ntlm'; read: NtlmMessageRead } | { kind: 'kerberos'; kerberos: KerberosToken } | { kind: 'other'; length: number };

/** RFC 4178 §4.2.2 negState. */
export type SpnegoNegState = 'accept-completed' | 'accept-incomplete' | 'reject' | 'request-mic';

export type NegotiateToken =
  | { kind: 'ntlm'; read: NtlmMessageRead }
  | { kind: 'kerberos'; kerberos: KerberosToken }
  | { kind: 'spnego-init'; mechanisms: NegotiateMechanism[]; mechToken: NegotiateInnerToken | undefined; mechListMic: boolean }
  | {
      kind: 'spnego-response';
      negState: SpnegoNegState | undefined;
      supportedMechanism: NegotiateMechanism | undefined;
      responseToken: NegotiateInnerToken | undefined;
      mechListMic: boolean;
    };

export type NegotiateTokenFailureKind = 'not-base64' | 'oversized' | 'empty' | 'unrecognised' | 'unknown-mechanism' | 'spnego-malformed' | DerFailureKind;

export type NegotiateTokenFailure = { kind: NegotiateTokenFailureKind; message: string; offset: number };

export type NegotiateTokenRead = { kind: 'token'; token: NegotiateToken } | NegotiateTokenFailure;

/**
 * Windows' default MaxTokenSize is 48 000 bytes, for Kerberos tickets heavy with group SIDs; the lab
 * reads up to 64 KiB and refuses more before decoding it.
 */
export const NEGOTIATE_MAX_TOKEN_BYTES = 64 * 1024;
