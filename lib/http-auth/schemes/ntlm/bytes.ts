// Little-endian integers and UTF-16LE text, the only encodings NTLM messages use (MS-NLMP §2.2: "all
// multiple-byte values are encoded in little-endian byte order"). Readers assume the caller checked bounds.

export function readU16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

export function readU32(bytes: Uint8Array, at: number): number {
  return (readU16(bytes, at) | (readU16(bytes, at + 2) << 16)) >>> 0;
}

/** A 64-bit FILETIME or similar; a bigint because 2^53 is not enough for 100-ns ticks since 1601. */
export function readU64(bytes: Uint8Array, at: number): bigint {
  return BigInt(readU32(bytes, at)) | (BigInt(readU32(bytes, at + 4)) << 32n);
}

export function writeU16(bytes: Uint8Array, at: number, value: number): void {
  bytes[at] = value & 0xff;
  bytes[at + 1] = (value >>> 8) & 0xff;
}

export function writeU32(bytes: Uint8Array, at: number, value: number): void {
  writeU16(bytes, at, value & 0xffff);
  writeU16(bytes, at + 2, (value >>> 16) & 0xffff);
}

export function writeU64(bytes: Uint8Array, at: number, value: bigint): void {
  writeU32(bytes, at, Number(value & 0xffffffffn));
  writeU32(bytes, at + 4, Number((value >> 32n) & 0xffffffffn));
}

/** MS-NLMP §2.2: with NTLMSSP_NEGOTIATE_UNICODE, strings are UTF-16LE without a terminator or BOM. */
export function encodeUtf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) writeU16(out, i * 2, text.charCodeAt(i));
  return out;
}

/** Decodes by hand (lone surrogates kept as they are); an odd trailing byte is left out. */
export function decodeUtf16le(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(readU16(bytes, i));
  return out;
}

/** Without NTLMSSP_NEGOTIATE_UNICODE strings are in the OEM code page; Latin-1 is the honest guess. */
export function decodeOem(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}
