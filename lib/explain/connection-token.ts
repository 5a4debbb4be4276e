import { bytesToHex } from '@noble/hashes/utils';
import {
  NTLM_FLAGS,
  ntlmMessageLayout,
  readNegotiateToken,
  readNtlmMessage,
  type NegotiateInnerToken,
  type NtlmAvPair,
  type NtlmLayoutRow,
  type NtlmMessage,
} from '@/lib/http-auth';

// The token of an NTLM or Negotiate challenge, opened for a learner: an NTLM message field by field (MS-NLMP
// §2.2.1, in wire order with offsets), its flags by name, and for Negotiate the SPNEGO wrapping around it
// (RFC 4178 §4.2) or what a Kerberos token is. The parsers never throw and read bounded input.

export type NtlmView = {
  kind: 'ntlm';
  /** NEGOTIATE, CHALLENGE or AUTHENTICATE. */
  message: string;
  rows: NtlmLayoutRow[];
  /** The flags set, with MS-NLMP §2.2.2.5's meaning of each. */
  flags: Array<{ name: string; meaning: string }>;
  /** The target info (MS-NLMP §2.2.2.1): the CHALLENGE's, or the copy inside an NTLM v2 response. */
  avPairs: Array<{ name: string; value: string }>;
};

export type ConnectionTokenView =
  | NtlmView
  | { kind: 'spnego'; summary: string; inner: NtlmView | { kind: 'note'; text: string } | undefined }
  | { kind: 'kerberos'; text: string }
  | { kind: 'unreadable'; text: string };

const MESSAGE_NAMES = { negotiate: 'NEGOTIATE', challenge: 'CHALLENGE', authenticate: 'AUTHENTICATE' } as const;

function avPairText(pair: NtlmAvPair): { name: string; value: string } {
  switch (pair.kind) {
    case 'text':
      return { name: pair.name, value: pair.value };
    case 'flags':
      return { name: pair.name, value: pair.flags.join(', ') || 'none' };
    case 'timestamp':
      return { name: pair.name, value: Number.isFinite(pair.unixMs) ? new Date(pair.unixMs).toISOString() : String(pair.filetime) };
    case 'bytes':
      return { name: pair.name, value: bytesToHex(pair.bytes) };
    case 'unknown':
      return { name: `AvId ${pair.id}`, value: bytesToHex(pair.bytes) };
    default: {
      const never: never = pair;
      return never;
    }
  }
}

function targetInfo(message: NtlmMessage): NtlmAvPair[] {
  if (message.kind === 'challenge') return message.targetInfo?.avPairs.pairs ?? [];
  if (message.kind === 'authenticate' && message.ntResponse.response.kind === 'ntlmv2') return message.ntResponse.response.avPairs.pairs;
  return [];
}

function ntlmView(message: NtlmMessage): NtlmView {
  const flags = message.flags.names.map((name) => ({ name, meaning: NTLM_FLAGS.find((flag) => flag.name === name)?.meaning ?? '' }));
  return { kind: 'ntlm', message: MESSAGE_NAMES[message.kind], rows: ntlmMessageLayout(message), flags, avPairs: targetInfo(message).map(avPairText) };
}

function innerView(inner: NegotiateInnerToken | undefined): NtlmView | { kind: 'note'; text: string } | undefined {
  if (!inner) return undefined;
  switch (inner.kind) {
    case 'ntlm':
      return inner.read.kind === 'message' ? ntlmView(inner.read.message) : { kind: 'note', text: `An NTLM message that does not read: ${inner.read.message}` };
    case 'kerberos':
      return { kind: 'note', text: inner.kerberos.explanation };
    case 'other':
      return { kind: 'note', text: `A token of ${inner.length} bytes for another mechanism.` };
    default: {
      const never: never = inner;
      return never;
    }
  }
}

/** The token68 of an `NTLM` or `Negotiate` challenge (or credentials), opened; undefined for other schemes. */
export function connectionTokenView(scheme: string, token68: string): ConnectionTokenView | undefined {
  switch (scheme.toLowerCase()) {
    case 'ntlm': {
      const read = readNtlmMessage(token68);
      return read.kind === 'message' ? ntlmView(read.message) : { kind: 'unreadable', text: `Not an NTLM message (${read.kind}): ${read.message}` };
    }
    case 'negotiate': {
      const read = readNegotiateToken(token68);
      if (read.kind !== 'token') return { kind: 'unreadable', text: `Not a Negotiate token (${read.kind}): ${read.message}` };
      const { token } = read;
      switch (token.kind) {
        case 'ntlm':
          return token.read.kind === 'message' ? ntlmView(token.read.message) : { kind: 'unreadable', text: token.read.message };
        case 'kerberos':
          return { kind: 'kerberos', text: token.kerberos.explanation };
        case 'spnego-init':
          return {
            kind: 'spnego',
            summary: `SPNEGO NegTokenInit offering ${token.mechanisms.map((mechanism) => mechanism.name).join(', ') || 'no mechanism'}${token.mechListMic ? ', with a mechListMIC' : ''}.`,
            inner: innerView(token.mechToken),
          };
        case 'spnego-response':
          return {
            kind: 'spnego',
            summary: `SPNEGO NegTokenResp${token.negState ? `, negState ${token.negState}` : ''}${token.supportedMechanism ? `, mechanism ${token.supportedMechanism.name}` : ''}${token.mechListMic ? ', with a mechListMIC' : ''}.`,
            inner: innerView(token.responseToken),
          };
        default: {
          const never: never = token;
          return never;
        }
      }
    }
    default:
      return undefined;
  }
}
