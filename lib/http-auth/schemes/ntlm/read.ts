import { decodeBase64 } from '../../bytes/base64';
import { readU32 } from './bytes';
import { decodeNtlmFlags } from './flags';
import { NTLM_MAX_MESSAGE_BYTES, NTLM_MESSAGE_TYPES, NTLM_SIGNATURE, type NtlmMessage, type NtlmMessageKind, type NtlmMessageRead } from './message';
import { readAuthenticateMessage } from './read-authenticate';
import { readChallengeMessage } from './read-challenge';
import { readNegotiateMessage } from './read-negotiate';

// Reads any of the three messages from the base64 of an `NTLM` or `Negotiate` header field, or from bytes.
// Never throws: every way hostile input can be wrong is a failure kind, and the work is one pass over at
// most NTLM_MAX_MESSAGE_BYTES.

/** MS-NLMP §2.2.1: the fixed parts are 16 (oldest NEGOTIATE), 32 (oldest CHALLENGE) and 64 bytes long. */
const MINIMUM_LENGTH: Record<NtlmMessageKind, number> = { negotiate: 16, challenge: 32, authenticate: 64 };
const KIND_BY_TYPE = new Map<number, NtlmMessageKind>([
  [1, 'negotiate'],
  [2, 'challenge'],
  [3, 'authenticate'],
]);

export function readNtlmMessage(input: string | Uint8Array, expect?: NtlmMessageKind): NtlmMessageRead {
  const bytes = typeof input === 'string' ? decodeToken(input) : input;
  if (!(bytes instanceof Uint8Array)) return bytes;
  if (bytes.length > NTLM_MAX_MESSAGE_BYTES) {
    return {
      kind: 'oversized',
      message: `${bytes.length} bytes is more than any NTLM message needs; the lab reads at most ${NTLM_MAX_MESSAGE_BYTES}.`,
      offset: 0,
    };
  }
  if (bytes.length < 12)
    return { kind: 'too-short', message: `${bytes.length} bytes cannot hold the 8-byte signature and the 4-byte MessageType (MS-NLMP §2.2.1).`, offset: 0 };
  for (let i = 0; i < 8; i++) {
    if (bytes[i] !== NTLM_SIGNATURE.charCodeAt(i)) {
      return { kind: 'bad-signature', message: 'An NTLM message starts with the eight bytes "NTLMSSP\\0" (MS-NLMP §2.2.1); this one does not.', offset: i };
    }
  }
  const type = readU32(bytes, 8);
  const kind = KIND_BY_TYPE.get(type);
  if (kind === undefined)
    return { kind: 'unknown-type', message: `MessageType ${type} is none of 1 (NEGOTIATE), 2 (CHALLENGE) or 3 (AUTHENTICATE), MS-NLMP §2.2.1.`, offset: 8 };
  if (expect !== undefined && kind !== expect) {
    return {
      kind: 'wrong-type',
      message: `This is a ${kind.toUpperCase()} message (type ${type}), where a ${expect.toUpperCase()} (type ${NTLM_MESSAGE_TYPES[expect]}) was expected.`,
      offset: 8,
    };
  }
  if (bytes.length < MINIMUM_LENGTH[kind]) {
    return {
      kind: 'too-short',
      message: `A ${kind.toUpperCase()} message has a fixed part of at least ${MINIMUM_LENGTH[kind]} bytes; this one is ${bytes.length} (MS-NLMP §2.2.1).`,
      offset: bytes.length,
    };
  }
  return readByKind(kind, bytes);
}

function readByKind(kind: NtlmMessageKind, bytes: Uint8Array): NtlmMessageRead<NtlmMessage> {
  switch (kind) {
    case 'negotiate':
      return readNegotiateMessage(bytes, decodeNtlmFlags(readU32(bytes, 12)));
    case 'challenge':
      return readChallengeMessage(bytes, decodeNtlmFlags(readU32(bytes, 20)));
    case 'authenticate':
      return readAuthenticateMessage(bytes, decodeNtlmFlags(readU32(bytes, 60)));
    default: {
      const never: never = kind;
      return never;
    }
  }
}

function decodeToken(text: string): Uint8Array | NtlmMessageRead {
  // Checked before decoding, so a megabyte of base64 costs nothing.
  if (text.length > Math.ceil(NTLM_MAX_MESSAGE_BYTES / 3) * 4) {
    return {
      kind: 'oversized',
      message: `${text.length} characters of base64 is more than any NTLM message needs; the lab reads at most ${NTLM_MAX_MESSAGE_BYTES} bytes.`,
      offset: 0,
    };
  }
  const decoded = decodeBase64(text);
  if (decoded.kind === 'invalid') return { kind: 'not-base64', message: `The token is not base64: ${decoded.reason}.`, offset: decoded.index };
  return decoded.bytes;
}
