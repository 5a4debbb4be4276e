import { describeChar } from '../diagnostic';
import { COMMA, EQUALS, HTAB } from './chars';
import { type ParamSyntax, parseParamList } from './auth-params';
import { type Scanner, fail } from './scanner';

/** A challenge or credentials as written: enough to build the public value and to lint it. */
export type ParsedElement = {
  scheme: string;
  schemeIndex: number;
  token68?: { value: string; index: number };
  params: ParamSyntax[];
  /** Whether the scheme was followed by SP, i.e. whether it may own auth-params at all. */
  spaced: boolean;
};

/**
 * RFC 9110 §11.3/§11.4: `auth-scheme [ 1*SP ( token68 / #auth-param ) ]`, starting at an element.
 * On return the scanner is at the end, or (challenge lists only) at the start of the next element.
 */
export function parseElement(s: Scanner, mode: 'challenge' | 'credentials'): ParsedElement {
  const schemeIndex = s.pos;
  const scheme = s.readToken();
  if (scheme === '') {
    fail('expected-scheme', `Expected an auth-scheme (a token), found ${describeChar(s.input, s.pos)}.`, s.pos);
  }
  const element: ParsedElement = { scheme, schemeIndex, params: [], spaced: false };
  if (s.atEnd()) return element;
  if (s.peek() === COMMA) {
    if (mode === 'credentials') notAList(s);
    s.pos++;
    return element;
  }
  if (!s.skipSp()) afterSchemeFailure(s, scheme);
  element.spaced = true;
  s.skipOws(); // lenient: a tab after the required SP changes nothing a reader could misread
  if (s.atEnd()) return element;
  if (s.peek() !== COMMA && (s.token68StartsAt(s.pos) || !s.paramStartsAt(s.pos))) {
    element.token68 = readToken68(s, mode);
    return element;
  }
  parseParamList(s, mode, element.params);
  return element;
}

/** A token68 must be the whole rest of the element (RFC 9110 §11.2). */
function readToken68(s: Scanner, mode: 'challenge' | 'credentials'): { value: string; index: number } {
  const index = s.pos;
  const end = s.token68End(index);
  if (end === index) {
    fail('expected-param-name', `Expected a token68 or a parameter name, found ${describeChar(s.input, index)}.`, index);
  }
  s.pos = end;
  s.skipOws();
  const value = s.input.slice(index, end);
  if (s.atEnd()) return { value, index };
  if (s.peek() === COMMA) {
    if (mode === 'credentials') notAList(s);
    s.pos++;
    return { value, index };
  }
  const bad = s.pos;
  fail(
    'invalid-token68',
    bad === end
      ? `${describeChar(s.input, bad)} is not allowed in a token68 (RFC 9110 §11.2: letters, digits, "-._~+/" and trailing "=").`
      : `Unexpected ${describeChar(s.input, bad)} after the token68 '${value}': a token68 is the whole value, so only ',' or the end may follow (RFC 9110 §11.2).`,
    bad,
  );
}

function afterSchemeFailure(s: Scanner, scheme: string): never {
  const c = s.peek();
  if (c === HTAB) {
    fail('expected-space-after-scheme', `A tab follows '${scheme}'; RFC 9110 §11.3 requires a space (SP) between scheme and parameters.`, s.pos);
  }
  if (c === EQUALS) {
    fail('expected-space-after-scheme', `'${scheme}' is followed by '=': an auth-scheme needs a space before its parameters (RFC 9110 §11.3).`, s.pos);
  }
  fail(
    'invalid-scheme-char',
    `${describeChar(s.input, s.pos)} is not allowed in an auth-scheme; a scheme is a token followed by a space, ',' or the end (RFC 9110 §11.1).`,
    s.pos,
  );
}

function notAList(s: Scanner): never {
  fail('multiple-credentials', "Authorization holds one credentials, not a list: nothing may follow ',' here (RFC 9110 §11.6.2).", s.pos);
}
