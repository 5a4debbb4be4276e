// Text <-> bytes for the schemes: UTF-8 with the position of the first bad byte (TextDecoder only
// says "invalid"), and ISO-8859-1 for the legacy Basic encoding lessons contrast it with.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Index of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need = 0;
    let min = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = need === 0 ? b : b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** ISO-8859-1: one byte per character; `index` of the first character above U+00FF, if any. */
export function encodeLatin1(text: string): { kind: 'bytes'; bytes: Uint8Array } | { kind: 'unencodable'; index: number } {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return { kind: 'unencodable', index: i };
    bytes[i] = c;
  }
  return { kind: 'bytes', bytes };
}

export function decodeLatin1(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

/** RFC 7617 §2: control characters are CTL (RFC 5234: %x00-1F / %x7F) and, in Unicode, C1 too. */
export function firstControlChar(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return i;
  }
  return -1;
}
