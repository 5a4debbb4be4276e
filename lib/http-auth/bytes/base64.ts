// RFC 4648 §4 base64 over bytes. Written by hand because `btoa`/`atob` work on Latin-1 strings only
// and throw on anything else (the classic bug with non-ASCII Basic credentials), and give no position
// for an invalid character.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    out += i + 1 < bytes.length ? ALPHABET.charAt((n >> 6) & 63) : '=';
    out += i + 2 < bytes.length ? ALPHABET.charAt(n & 63) : '=';
  }
  return out;
}

export type Base64Decoded = { kind: 'bytes'; bytes: Uint8Array; padded: boolean } | { kind: 'invalid'; index: number; reason: string };

export function decodeBase64(text: string): Base64Decoded {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  const padding = text.length - end;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || VALUES[c] === -1) {
      return { kind: 'invalid', index: i, reason: `'${text.charAt(i)}' is not a base64 character (RFC 4648 §4)` };
    }
  }
  if (end % 4 === 1) return { kind: 'invalid', index: end - 1, reason: 'the length is not possible for base64 (RFC 4648 §4)' };
  if (padding > 0 && (end + padding) % 4 !== 0) {
    return { kind: 'invalid', index: end, reason: 'the "=" padding does not fill the last group of four (RFC 4648 §3.2)' };
  }
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    acc = (acc << 6) | (VALUES[text.charCodeAt(i)] ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
  }
  return { kind: 'bytes', bytes, padded: padding > 0 || end % 4 === 0 };
}
