import { describeChar } from '../diagnostic';
import { COMMA, CR, DQUOTE, EQUALS, HTAB, LF, SP } from './chars';
import { type Scanner, fail } from './scanner';

/** One auth-param as written, kept for the sender-mistake warnings (quoting, position). */
export type ParamSyntax = { name: string; value: string; quoted: boolean; nameIndex: number; valueIndex: number };

/**
 * Where a `#auth-param` list sits decides what ends it:
 * - `challenge`: a later list element that is not `token BWS "="` starts the next challenge;
 * - `credentials`: Authorization holds exactly one credentials, so it cannot;
 * - `auth-info`: Authentication-Info is only `#auth-param` (RFC 9110 §11.6.3).
 */
export type ListMode = 'challenge' | 'credentials' | 'auth-info';

/**
 * RFC 9110 §5.6.1: `#auth-param`, empty elements allowed. Returns at the end of the line or, in
 * challenge mode, at the start of the next challenge (its separating comma consumed).
 */
export function parseParamList(s: Scanner, mode: ListMode, params: ParamSyntax[]): void {
  let afterComma = mode === 'auth-info';
  for (;;) {
    s.skipOws();
    while (s.peek() === COMMA) {
      s.pos++;
      afterComma = true;
      s.skipOws();
    }
    if (s.atEnd()) return;
    const nameEnd = s.tokenEnd(s.pos); // scanned once, used for the decision and the name
    if (afterComma && !(nameEnd > s.pos && s.codeAt(s.owsEnd(nameEnd)) === EQUALS)) {
      if (mode === 'challenge' && nameEnd > s.pos) return;
      notAParam(s, mode);
    }
    parseParam(s, params, nameEnd);
    s.skipOws();
    if (s.atEnd()) return;
    if (s.peek() !== COMMA) {
      fail('expected-comma', `Expected ',' or the end after a parameter, found ${describeChar(s.input, s.pos)}.`, s.pos);
    }
  }
}

function notAParam(s: Scanner, mode: ListMode): never {
  const end = s.tokenEnd(s.pos);
  if (end === s.pos) {
    fail('expected-param-name', `Expected a parameter name (a token), found ${describeChar(s.input, s.pos)}.`, s.pos);
  }
  const name = s.input.slice(s.pos, end);
  if (mode === 'credentials') {
    fail(
      'multiple-credentials',
      `'${name}' is not followed by '=': Authorization carries a single credentials, so a second auth-scheme or a bare word cannot follow (RFC 9110 §11.6.2).`,
      s.pos,
    );
  }
  fail('expected-equals', `Parameter '${name}' has no '=': Authentication-Info is a list of name=value pairs (RFC 9110 §11.6.3).`, end);
}

function parseParam(s: Scanner, params: ParamSyntax[], nameEnd: number): void {
  const nameIndex = s.pos;
  const raw = s.input.slice(nameIndex, nameEnd);
  s.pos = nameEnd;
  if (raw === '') {
    fail('expected-param-name', `Expected a parameter name (a token), found ${describeChar(s.input, s.pos)}.`, s.pos);
  }
  s.skipOws();
  if (s.peek() !== EQUALS) {
    fail('expected-equals', `Expected '=' after parameter name '${raw}', found ${describeChar(s.input, s.pos)}.`, s.pos);
  }
  s.pos++;
  s.skipOws();
  const valueIndex = s.pos;
  const quoted = s.peek() === DQUOTE;
  const value = quoted ? s.readQuotedString() : readTokenValue(s, raw);
  const name = raw.toLowerCase();
  for (const p of params) {
    if (p.name === name) {
      fail('duplicate-param', `Parameter '${name}' appears twice; each name may occur only once per challenge or credentials (RFC 9110 §11.2).`, nameIndex);
    }
  }
  params.push({ name, value, quoted, nameIndex, valueIndex });
}

function readTokenValue(s: Scanner, name: string): string {
  const start = s.pos;
  const value = s.readToken();
  const c = s.peek();
  if (value !== '' && (s.atEnd() || c === COMMA || c === SP || c === HTAB || c === CR || c === LF)) return value;
  if (value === '' && (s.atEnd() || c === COMMA)) {
    fail('missing-value', `Parameter '${name}' has no value: write a token or a quoted-string after '=' (RFC 9110 §11.2).`, start);
  }
  fail(
    'invalid-token-char',
    `${describeChar(s.input, s.pos)} is not allowed in an unquoted value; a value with such characters must be a quoted-string (RFC 9110 §5.6.2).`,
    s.pos,
  );
}
