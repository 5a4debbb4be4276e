import { decodeUtf8, encodeUtf8, firstInvalidUtf8 } from '../../bytes/text';

// RFC 8187 §3.2: ext-value = charset "'" [ language ] "'" value-chars, used by Digest's username*
// (RFC 7616 §3.4.4) for user names a quoted-string cannot carry unambiguously.

const ATTR_CHARS = /^[A-Za-z0-9!#$&+\-.^_`|~]$/;

export function encodeExtValue(text: string): string {
  let out = "UTF-8''";
  for (const b of encodeUtf8(text)) {
    const ch = String.fromCharCode(b);
    out += ATTR_CHARS.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function decodeExtValue(value: string): { kind: 'text'; text: string } | { kind: 'invalid'; reason: string } {
  const match = /^([^']*)'([^']*)'(.*)$/.exec(value);
  if (!match) return { kind: 'invalid', reason: "an ext-value reads charset'language'value (RFC 8187 §3.2)" };
  const [, charset = '', , encoded = ''] = match;
  const latin1 = charset.toUpperCase() === 'ISO-8859-1';
  if (!latin1 && charset.toUpperCase() !== 'UTF-8') return { kind: 'invalid', reason: `charset '${charset}' is not UTF-8 or ISO-8859-1 (RFC 8187 §3.2.1)` };
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const ch = encoded.charAt(i);
    if (ch === '%') {
      const hex = encoded.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return { kind: 'invalid', reason: `'%${hex}' is not a percent-encoded octet` };
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (ATTR_CHARS.test(ch)) {
      bytes.push(ch.charCodeAt(0));
    } else {
      return { kind: 'invalid', reason: `'${ch}' must be percent-encoded (RFC 8187 §3.2.1)` };
    }
  }
  const octets = Uint8Array.from(bytes);
  if (latin1) return { kind: 'text', text: String.fromCharCode(...octets) };
  if (firstInvalidUtf8(octets) >= 0) return { kind: 'invalid', reason: 'the octets are not UTF-8' };
  return { kind: 'text', text: decodeUtf8(octets) };
}
