// RFC 4648 §4 base64, and §5 base64url for JOSE, over bytes. Written by hand because `btoa`/`atob` work
// on Latin-1 strings only and throw on anything else (the classic bug with non-ASCII Basic credentials),
// and give no position for an invalid character.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;

/** Each alphabet as character codes: the encoder collects codes and makes one string of them at the end. */
const codesOf = (alphabet: string): readonly number[] => Array.from(alphabet, (c) => c.charCodeAt(0));
const BASE64_CODES = codesOf(ALPHABET);
/** RFC 4648 §5: base64url is base64 with "-" and "_" for "+" and "/", which mean something in URLs and file names. */
const BASE64URL_CODES = codesOf(`${ALPHABET.slice(0, 62)}-_`);
const PAD = 0x3d;
/** String.fromCharCode takes its codes as arguments, and the engine caps how many: longer output goes in slices. */
const CODES_PER_CALL = 8192;

/**
 * RFC 4648 §4 (base64) or §5 (base64url): each 3 bytes become 4 characters; a last group of 1 or 2
 * bytes becomes 2 or 3, then "=" padding to 4 when `pad` (§3.2). The characters are gathered as codes
 * in an array of their final length and made into a string once: about 3 times cheaper than adding them
 * to a string one at a time, which the token endpoint paid on every grant (issue 23).
 */
function encodeWith(bytes: Uint8Array, codes: readonly number[], pad: boolean): string {
  const length = bytes.length;
  const out = new Array<number>(pad ? Math.ceil(length / 3) * 4 : Math.ceil((length * 4) / 3));
  let o = 0;
  for (let i = 0; i < length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = codes[(n >> 18) & 63] ?? PAD;
    out[o++] = codes[(n >> 12) & 63] ?? PAD;
    if (i + 1 < length) out[o++] = codes[(n >> 6) & 63] ?? PAD;
    else if (pad) out[o++] = PAD;
    if (i + 2 < length) out[o++] = codes[n & 63] ?? PAD;
    else if (pad) out[o++] = PAD;
  }
  if (out.length <= CODES_PER_CALL) return String.fromCharCode.apply(null, out);
  let text = '';
  for (let i = 0; i < out.length; i += CODES_PER_CALL) text += String.fromCharCode.apply(null, out.slice(i, i + CODES_PER_CALL));
  return text;
}

export function encodeBase64(bytes: Uint8Array): string {
  return encodeWith(bytes, BASE64_CODES, true);
}

/** RFC 4648 §5 without padding, as JOSE writes every part of a JWS (RFC 7515 §2, Base64url Encoding). */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeWith(bytes, BASE64URL_CODES, false);
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
