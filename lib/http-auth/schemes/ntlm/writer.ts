import { writeU16, writeU32 } from './bytes';
import { NTLM_SIGNATURE } from './message';

/** A value of the Payload and the offset of the 8-byte field that describes it (MS-NLMP §2.2). */
export type NtlmPayloadValue = { headerOffset: number; bytes: Uint8Array };

/**
 * Lays out a message: signature, MessageType, the fixed part `fill` writes, then the values in the order
 * given, each described by Len = MaxLen and BufferOffset. Throws a TypeError on a value longer than the
 * 16-bit Len can say, which is the caller's mistake, never the peer's.
 */
export function layOutNtlmMessage(
  messageType: 1 | 2 | 3,
  fixedLength: number,
  values: readonly NtlmPayloadValue[],
  fill: (message: Uint8Array) => void,
): Uint8Array {
  const out = new Uint8Array(fixedLength + values.reduce((n, v) => n + v.bytes.length, 0));
  for (let i = 0; i < 8; i++) out[i] = NTLM_SIGNATURE.charCodeAt(i);
  writeU32(out, 8, messageType);
  let at = fixedLength;
  for (const { headerOffset, bytes } of values) {
    if (bytes.length > 0xffff) throw new TypeError(`An NTLM value is at most 65535 bytes long (MS-NLMP §2.2), not ${bytes.length}.`);
    writeU16(out, headerOffset, bytes.length);
    writeU16(out, headerOffset + 2, bytes.length);
    writeU32(out, headerOffset + 4, at);
    out.set(bytes, at);
    at += bytes.length;
  }
  fill(out);
  return out;
}
