import { decodeOem, decodeUtf16le, readU16, readU32 } from './bytes';

// MS-NLMP §2.2 (the *Fields of every message): a variable-length value is described in the fixed part by
// eight bytes, Len (u16), MaxLen (u16, "SHOULD be set to the value of Len", ignored on receipt) and
// BufferOffset (u32, from the start of the message), and stored in the Payload after the fixed part.

/** Where a value sits: its 8-byte description at `headerOffset`, its bytes at `offset`. */
export type NtlmField = { headerOffset: number; length: number; maxLength: number; offset: number };
export type NtlmTextField = NtlmField & { value: string };
export type NtlmBytesField = NtlmField & { bytes: Uint8Array };

export type NtlmFieldRead = { kind: 'field'; field: NtlmBytesField } | { kind: 'field-out-of-bounds'; message: string; offset: number };

export function readNtlmField(message: Uint8Array, headerOffset: number, name: string): NtlmFieldRead {
  const length = readU16(message, headerOffset);
  const maxLength = readU16(message, headerOffset + 2);
  const offset = readU32(message, headerOffset + 4);
  // An empty value may point anywhere (senders put 0 or the payload start); nothing is read from it.
  if (length > 0 && offset + length > message.length) {
    return {
      kind: 'field-out-of-bounds',
      message: `${name} says ${length} bytes at offset ${offset}, but the message is ${message.length} bytes long (MS-NLMP §2.2).`,
      offset: headerOffset,
    };
  }
  const bytes = length === 0 ? new Uint8Array(0) : message.subarray(offset, offset + length);
  return { kind: 'field', field: { headerOffset, length, maxLength, offset, bytes } };
}

export function textField(field: NtlmBytesField, unicode: boolean): NtlmTextField {
  const { bytes, ...where } = field;
  return { ...where, value: unicode ? decodeUtf16le(bytes) : decodeOem(bytes) };
}

/** Where the Payload starts: the lowest offset of a non-empty value, or the end of the message. */
export function payloadStart(message: Uint8Array, fields: readonly NtlmField[]): number {
  return fields.reduce((start, f) => (f.length > 0 && f.offset < start ? f.offset : start), message.length);
}
