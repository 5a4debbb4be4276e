import { COMMA } from './chars';
import { type ParamSyntax, parseParamList } from './auth-params';
import { type ParsedElement, parseElement } from './elements';
import { type Scanner, fail } from './scanner';

/** RFC 9110 §11.6.1: `WWW-Authenticate = #challenge`, one field line. */
export function parseChallengeLine(s: Scanner): ParsedElement[] {
  const out: ParsedElement[] = [];
  for (;;) {
    s.skipOws();
    while (s.peek() === COMMA) {
      s.pos++;
      s.skipOws();
    }
    if (s.atEnd()) return out;
    if (s.paramStartsAt(s.pos)) strayParam(s, out[out.length - 1]);
    out.push(parseElement(s, 'challenge'));
  }
}

/** An auth-param where a challenge should start: say which rule the sender missed. */
function strayParam(s: Scanner, previous: ParsedElement | undefined): never {
  const t68 = previous?.token68;
  if (t68 && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+=$/.test(t68.value)) {
    // `realm=, charset=x`: grammatically a token68 `realm=`, but the sender surely meant a parameter.
    const name = t68.value.slice(0, -1);
    fail('missing-value', `Parameter '${name}' has no value: write a token or a quoted-string after '=' (RFC 9110 §11.2).`, t68.index + t68.value.length);
  }
  if (t68) {
    fail(
      'param-after-token68',
      `'${previous.scheme}' already carries a token68; a challenge has either a token68 or parameters, never both (RFC 9110 §11.3).`,
      s.pos,
    );
  }
  if (previous && !previous.spaced) {
    const comma = previous.schemeIndex + previous.scheme.length;
    fail(
      'params-without-space',
      `'${previous.scheme}' is followed by ',' instead of a space, so the parameters after it belong to no challenge (RFC 9110 §11.3: auth-scheme [ 1*SP ( token68 / #auth-param ) ]).`,
      comma,
    );
  }
  fail('missing-scheme', 'This parameter has no auth-scheme before it; a challenge starts with its scheme (RFC 9110 §11.3).', s.pos);
}

/** RFC 9110 §11.6.2: `Authorization = credentials`, exactly one. */
export function parseCredentialsLine(s: Scanner): ParsedElement {
  s.skipOws();
  if (s.atEnd()) fail('empty', 'The field is empty: credentials start with an auth-scheme (RFC 9110 §11.4).', 0);
  if (s.peek() === COMMA) {
    fail('expected-scheme', "Authorization is not a list: it cannot start with ',' (RFC 9110 §11.6.2).", s.pos);
  }
  if (s.paramStartsAt(s.pos)) {
    fail('missing-scheme', 'Credentials start with an auth-scheme, not a parameter (RFC 9110 §11.4).', s.pos);
  }
  return parseElement(s, 'credentials');
}

/** RFC 9110 §11.6.3: `Authentication-Info = #auth-param`. */
export function parseAuthInfoLine(s: Scanner): ParamSyntax[] {
  const params: ParamSyntax[] = [];
  parseParamList(s, 'auth-info', params);
  return params;
}
