import type { Diagnostic } from '../types';
import { describeChar, diagnostic } from '../diagnostic';
import { BACKSLASH, CR, DQUOTE, EQUALS, HTAB, LF, SP, isQdtext, isQuotedPairChar, isTchar, isToken68Char } from './chars';

/** Thrown inside the grammar only; the public parse functions turn it into `{ ok: false }`. */
export class GrammarError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export function fail(code: string, message: string, index: number): never {
  throw new GrammarError(diagnostic(code, message, index));
}

/** A cursor over one field line. `warnings` collects what the sender got wrong but we accept. */
export type Scanner = { readonly input: string; pos: number; warnings: Diagnostic[]; folded: boolean };

export function scanner(input: string): Scanner {
  return { input, pos: 0, warnings: [], folded: false };
}

export function atEnd(s: Scanner): boolean {
  return s.pos >= s.input.length;
}

export function peek(s: Scanner): number {
  return s.input.charCodeAt(s.pos); // NaN at the end, which matches no character class
}

/**
 * Length of an obs-fold (RFC 9112 §5.2: CRLF followed by SP or HTAB) at `i`, else 0. A recipient may
 * replace it with SP; we do, with a warning, so a value copied from a raw HTTP/1.1 message still parses.
 */
function foldLength(input: string, i: number): number {
  let j = i;
  if (input.charCodeAt(j) === CR) j++;
  if (input.charCodeAt(j) !== LF) return 0;
  j++;
  const next = input.charCodeAt(j);
  return next === SP || next === HTAB ? j - i : 0;
}

function noteFold(s: Scanner, index: number): void {
  if (s.folded) return;
  s.folded = true;
  s.warnings.push(
    diagnostic('obs-fold', 'Line folding (a line break followed by whitespace) is obsolete (RFC 9112 §5.2); read as a space.', index),
  );
}

/** OWS = *( SP / HTAB ) (RFC 9110 §5.6.3), plus obs-fold. */
export function skipOws(s: Scanner): void {
  const { input } = s;
  for (;;) {
    const c = input.charCodeAt(s.pos);
    if (c === SP || c === HTAB) {
      s.pos++;
      continue;
    }
    if (c !== CR && c !== LF) return;
    const n = foldLength(input, s.pos);
    if (n === 0) return;
    noteFold(s, s.pos);
    s.pos += n;
  }
}

/** Consumes 1*SP (an obs-fold counts as SP); returns whether there was any. */
export function skipSp(s: Scanner): boolean {
  const start = s.pos;
  for (;;) {
    const c = s.input.charCodeAt(s.pos);
    if (c === SP) {
      s.pos++;
      continue;
    }
    if (c !== CR && c !== LF) break;
    const n = foldLength(s.input, s.pos);
    if (n === 0) break;
    noteFold(s, s.pos);
    s.pos += n;
  }
  return s.pos > start;
}

/** Index just past the token starting at `i` (== i when there is none). */
export function tokenEnd(input: string, i: number): number {
  let j = i;
  while (j < input.length && isTchar(input.charCodeAt(j))) j++;
  return j;
}

/** Index just past a token68 starting at `i` (== i when there is none). */
export function token68End(input: string, i: number): number {
  let j = i;
  while (j < input.length && isToken68Char(input.charCodeAt(j))) j++;
  if (j === i) return i;
  while (input.charCodeAt(j) === EQUALS) j++;
  return j;
}

export function readToken(s: Scanner): string {
  const start = s.pos;
  s.pos = tokenEnd(s.input, start);
  return s.input.slice(start, s.pos);
}

/** RFC 9110 §5.6.4: quoted-string, returned unescaped. `s.pos` is at the opening DQUOTE. */
export function readQuotedString(s: Scanner): string {
  const { input } = s;
  const open = s.pos;
  let i = open + 1;
  let chunkStart = i;
  let out = '';
  for (;;) {
    if (i >= input.length) {
      fail('unterminated-quoted-string', 'This quoted-string is never closed: a closing \'"\' is missing (RFC 9110 §5.6.4).', open);
    }
    const c = input.charCodeAt(i);
    if (c === DQUOTE) break;
    if (c === BACKSLASH) {
      if (i + 1 >= input.length) {
        fail('unterminated-escape', "A '\\' at the end leaves its escape unfinished (RFC 9110 §5.6.4: quoted-pair).", i);
      }
      const escaped = input.charCodeAt(i + 1);
      if (!isQuotedPairChar(escaped)) {
        fail('invalid-escape', `${describeChar(input, i + 1)} cannot be escaped in a quoted-string (RFC 9110 §5.6.4).`, i + 1);
      }
      out += input.slice(chunkStart, i);
      chunkStart = i + 1; // keep the escaped character, drop the backslash
      i += 2;
      continue;
    }
    if (!isQdtext(c)) {
      fail('invalid-quoted-char', `${describeChar(input, i)} is not allowed inside a quoted-string (RFC 9110 §5.6.4).`, i);
    }
    if (c > 0xff) noteWideChar(s, i);
    i++;
  }
  s.pos = i + 1;
  return out + input.slice(chunkStart, i);
}

function noteWideChar(s: Scanner, index: number): void {
  if (s.warnings.some((w) => w.code === 'non-latin1')) return;
  s.warnings.push(
    diagnostic(
      'non-latin1',
      `${describeChar(s.input, index)} is not a single octet: field values are octets, so it is accepted only as already-decoded text (RFC 9110 §5.5).`,
      index,
    ),
  );
}
