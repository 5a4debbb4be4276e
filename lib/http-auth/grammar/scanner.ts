import type { Diagnostic } from '../types';
import { describeChar, diagnostic } from '../diagnostic';
import { BACKSLASH, COMMA, CR, DQUOTE, EQUALS, HTAB, LF, SP, TCHAR_TABLE as TCHAR, TOKEN68_TABLE as TOKEN68 } from './chars';

// The per-character work of the grammar lives here, as methods of one cursor; callers in other modules
// reach it through the instance.
/** Anything in a quoted-string's content that needs the careful path: "\", a control, a non-octet. */
const NOT_PLAIN_QDTEXT = /[^\t\x20-\x5b\x5d-\x7e\x80-\xff]/;

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
export class Scanner {
  pos = 0;
  readonly warnings: Diagnostic[] = [];
  private folded = false;
  private wide = false;

  constructor(readonly input: string) {}

  atEnd(): boolean {
    return this.pos >= this.input.length;
  }

  /** The current character code; -1 at the end, which matches no character class. */
  peek(): number {
    return this.codeAt(this.pos);
  }

  /** The character code at `i`, or -1 past the end (never NaN: keeps optimised loops on one path). */
  codeAt(i: number): number {
    return i < this.input.length ? this.input.charCodeAt(i) : -1;
  }

  /** OWS = *( SP / HTAB ) (RFC 9110 §5.6.3), plus obs-fold. */
  skipOws(): void {
    const { input } = this;
    const n = input.length;
    while (this.pos < n) {
      const c = input.charCodeAt(this.pos);
      if (c === SP || c === HTAB) this.pos++;
      else if ((c !== CR && c !== LF) || !this.skipFold()) return;
    }
  }

  /** Consumes 1*SP (an obs-fold counts as SP); returns whether there was any. */
  skipSp(): boolean {
    const start = this.pos;
    const n = this.input.length;
    while (this.pos < n) {
      const c = this.input.charCodeAt(this.pos);
      if (c === SP) this.pos++;
      else if ((c !== CR && c !== LF) || !this.skipFold()) break;
    }
    return this.pos > start;
  }

  /**
   * RFC 9112 §5.2: obs-fold (CRLF followed by SP or HTAB) may be replaced by SP; we do, with a
   * warning, so a value copied from a raw HTTP/1.1 message still parses.
   */
  private skipFold(): boolean {
    let j = this.pos;
    if (this.codeAt(j) === CR) j++;
    if (this.codeAt(j) !== LF) return false;
    const next = this.codeAt(j + 1);
    if (next !== SP && next !== HTAB) return false;
    if (!this.folded) {
      this.folded = true;
      this.warnings.push(diagnostic('obs-fold', 'Line folding (a line break followed by whitespace) is obsolete (RFC 9112 §5.2); read as a space.', this.pos));
    }
    this.pos = j + 1;
    return true;
  }

  /** Index just past the token starting at `i` (== i when there is none). */
  tokenEnd(i: number): number {
    const { input } = this;
    const n = input.length;
    let j = i;
    while (j < n) {
      const c = input.charCodeAt(j);
      if (c >= 128 || TCHAR[c] !== 1) break;
      j++;
    }
    return j;
  }

  /** Index just past a token68 starting at `i` (== i when there is none). */
  token68End(i: number): number {
    const { input } = this;
    const n = input.length;
    let j = i;
    while (j < n) {
      const c = input.charCodeAt(j);
      if (c >= 128 || TOKEN68[c] !== 1) break;
      j++;
    }
    if (j === i) return i;
    while (j < n && input.charCodeAt(j) === EQUALS) j++;
    return j;
  }

  /** Index of the first character at or after `i` that is not SP or HTAB. */
  owsEnd(i: number): number {
    const { input } = this;
    let j = i;
    while (j < input.length) {
      const c = input.charCodeAt(j);
      if (c !== SP && c !== HTAB) break;
      j++;
    }
    return j;
  }

  /** Whether an auth-param (`token BWS "="`) starts at `i`. */
  paramStartsAt(i: number): boolean {
    const j = this.tokenEnd(i);
    return j > i && this.codeAt(this.owsEnd(j)) === EQUALS;
  }

  /** Whether a complete token68 starts at `i`: nothing but OWS, then ',' or the end, follows it. */
  token68StartsAt(i: number): boolean {
    const j = this.token68End(i);
    if (j === i) return false;
    const k = this.owsEnd(j);
    return k >= this.input.length || this.codeAt(k) === COMMA;
  }

  /**
   * Index just past the quoted-string whose DQUOTE is at `i`, or the end of the input when it never
   * closes (RFC 9110 §5.6.4: a backslash escapes the next character). Judges nothing, unlike
   * readQuotedString: it only finds where a reader's highlight of the string ends.
   */
  quotedStringEnd(i: number): number {
    const { input } = this;
    for (let j = i + 1; j < input.length; j++) {
      const c = input.charCodeAt(j);
      if (c === BACKSLASH) j++;
      else if (c === DQUOTE) return j + 1;
    }
    return input.length;
  }

  readToken(): string {
    const start = this.pos;
    this.pos = this.tokenEnd(start);
    return this.input.slice(start, this.pos);
  }

  /** RFC 9110 §5.6.4: quoted-string, returned unescaped. `pos` is at the opening DQUOTE. */
  readQuotedString(): string {
    const { input } = this;
    const open = this.pos;
    // Fast path for the usual value, with no escape and nothing unusual: found with native searches.
    const close = input.indexOf('"', open + 1);
    if (close > 0) {
      const value = input.slice(open + 1, close);
      if (!NOT_PLAIN_QDTEXT.test(value)) {
        this.pos = close + 1;
        return value;
      }
    }
    let i = open + 1;
    let chunkStart = i;
    let out = '';
    for (;;) {
      const c = this.codeAt(i);
      if (c === DQUOTE) break;
      if (c === BACKSLASH) {
        this.checkEscape(i);
        out += input.slice(chunkStart, i);
        chunkStart = i + 1; // keep the escaped character, drop the backslash
        i += 2;
        continue;
      }
      // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text; -1 (the end) is none of them
      if (!(c >= 0x20 ? c !== 0x7f && c <= 0xff : c === HTAB)) this.unusualQuotedChar(i, open);
      i++;
    }
    this.pos = i + 1;
    return out + input.slice(chunkStart, i);
  }

  /** RFC 9110 §5.6.4: quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text ). */
  private checkEscape(i: number): void {
    if (i + 1 >= this.input.length) {
      fail('unterminated-escape', "A '\\' at the end leaves its escape unfinished (RFC 9110 §5.6.4: quoted-pair).", i);
    }
    const escaped = this.input.charCodeAt(i + 1);
    if ((escaped < 0x20 && escaped !== HTAB) || escaped === 0x7f) {
      fail('invalid-escape', `${describeChar(this.input, i + 1)} cannot be escaped in a quoted-string (RFC 9110 §5.6.4).`, i + 1);
    }
  }

  /** The end of the input, a control character, or a character that is not an octet. */
  private unusualQuotedChar(i: number, open: number): void {
    if (i >= this.input.length) {
      fail('unterminated-quoted-string', "This quoted-string is never closed: a closing '\"' is missing (RFC 9110 §5.6.4).", open);
    }
    if (this.input.charCodeAt(i) <= 0xff) {
      fail('invalid-quoted-char', `${describeChar(this.input, i)} is not allowed inside a quoted-string (RFC 9110 §5.6.4).`, i);
    }
    if (this.wide) return;
    this.wide = true;
    this.warnings.push(
      diagnostic(
        'non-latin1',
        `${describeChar(this.input, i)} is not a single octet: field values are octets, so it is accepted only as already-decoded text (RFC 9110 §5.5).`,
        i,
      ),
    );
  }
}
