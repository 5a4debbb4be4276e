// Character classes from RFC 9110 §5.6 and §11.2, as lookup tables: the parser asks these once per
// character, so a table beats a regular expression by a wide margin.

const TCHAR_EXTRA = "!#$%&'*+-.^_`|~";
const TOKEN68_EXTRA = '-._~+/';

function table(extra: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 0x30; c <= 0x39; c++) t[c] = 1;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = 1;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = 1;
  for (const ch of extra) t[ch.charCodeAt(0)] = 1;
  return t;
}

/** 1 where the ASCII code is a tchar (RFC 9110 §5.6.2). */
export const TCHAR_TABLE = table(TCHAR_EXTRA);
/** 1 where the ASCII code may appear in a token68 before its "=" padding (RFC 9110 §11.2). */
export const TOKEN68_TABLE = table(TOKEN68_EXTRA);
const TCHAR = TCHAR_TABLE;
const TOKEN68 = TOKEN68_TABLE;

export const SP = 0x20;
export const HTAB = 0x09;
export const CR = 0x0d;
export const LF = 0x0a;
export const COMMA = 0x2c;
export const EQUALS = 0x3d;
export const DQUOTE = 0x22;
export const BACKSLASH = 0x5c;

/** RFC 9110 §5.6.2: tchar. */
export function isTchar(code: number): boolean {
  return code < 128 && TCHAR[code] === 1;
}

/** RFC 9110 §11.2: the characters of token68 before its trailing "=" padding. */
export function isToken68Char(code: number): boolean {
  return code < 128 && TOKEN68[code] === 1;
}

/** RFC 9110 §5.6.4: qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text (%x80-FF). */
export function isQdtext(code: number): boolean {
  return code === HTAB || (code >= 0x20 && code !== 0x7f && code !== DQUOTE && code !== BACKSLASH);
}

/** RFC 9110 §5.6.4: what may follow "\" in a quoted-pair: HTAB / SP / VCHAR / obs-text. */
export function isQuotedPairChar(code: number): boolean {
  return code === HTAB || (code >= 0x20 && code !== 0x7f);
}

export function isToken(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) if (!isTchar(value.charCodeAt(i))) return false;
  return true;
}

/** RFC 9110 §11.2: token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=". */
export function isToken68(value: string): boolean {
  let i = 0;
  while (i < value.length && isToken68Char(value.charCodeAt(i))) i++;
  if (i === 0) return false;
  while (i < value.length && value.charCodeAt(i) === EQUALS) i++;
  return i === value.length;
}
