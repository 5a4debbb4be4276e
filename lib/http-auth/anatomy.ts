import type { ParamSyntax } from './grammar/auth-params';
import type { ParsedElement } from './grammar/elements';
import { parseAuthInfoLine, parseChallengeLine, parseCredentialsLine } from './grammar/lines';
import { GrammarError, Scanner } from './grammar/scanner';
import type { ParseResult } from './types';

// Where each part of an auth header value sits, for a reader to see the grammar of RFC 9110 §11:
// `auth-scheme [ 1*SP ( token68 / #auth-param ) ]`, `auth-param = token BWS "=" BWS ( token / quoted-string )`.
// The same grammar code as parseChallenges / parseCredentials / parseAuthInfo finds the parts; this
// module only reports the positions that grammar already tracks.

/** Which header grammar to read the value with. */
export type AuthHeaderGrammar = 'challenges' | 'credentials' | 'auth-info';

/**
 * One labelled run of the value: `start` and `end` are UTF-16 offsets, end exclusive, so
 * `value.slice(start, end)` is the part as written (a quoted-string keeps its quotes and escapes).
 * `element` numbers the challenge (0-based) a part belongs to; Authorization and
 * Authentication-Info have a single element 0.
 */
export type AuthHeaderPart =
  | { kind: 'scheme'; start: number; end: number; element: number }
  | { kind: 'token68'; start: number; end: number; element: number }
  | { kind: 'param-name'; start: number; end: number; element: number; name: string }
  | { kind: 'param-value'; start: number; end: number; element: number; name: string }
  | { kind: 'quoted-string'; start: number; end: number; element: number; name: string };

function paramParts(input: string, params: readonly ParamSyntax[], element: number, out: AuthHeaderPart[]): void {
  for (const p of params) {
    out.push({ kind: 'param-name', start: p.nameIndex, end: p.nameIndex + p.name.length, element, name: p.name });
    // The grammar stored where the value starts; reading it again from there gives where it ends.
    const s = new Scanner(input);
    s.pos = p.valueIndex;
    if (p.quoted) s.readQuotedString();
    else s.readToken();
    out.push({ kind: p.quoted ? 'quoted-string' : 'param-value', start: p.valueIndex, end: s.pos, element, name: p.name });
  }
}

function elementParts(input: string, el: ParsedElement, element: number, out: AuthHeaderPart[]): void {
  out.push({ kind: 'scheme', start: el.schemeIndex, end: el.schemeIndex + el.scheme.length, element });
  if (el.token68) out.push({ kind: 'token68', start: el.token68.index, end: el.token68.index + el.token68.value.length, element });
  paramParts(input, el.params, element, out);
}

/**
 * The parts of one field value in the order written, or the same error the matching parse function
 * gives. Several WWW-Authenticate field lines: call once per line.
 */
export function authHeaderParts(grammar: AuthHeaderGrammar, value: string): ParseResult<AuthHeaderPart[]> {
  const s = new Scanner(value);
  const parts: AuthHeaderPart[] = [];
  try {
    switch (grammar) {
      case 'challenges':
        parseChallengeLine(s).forEach((el, i) => elementParts(value, el, i, parts));
        break;
      case 'credentials':
        elementParts(value, parseCredentialsLine(s), 0, parts);
        break;
      case 'auth-info':
        paramParts(value, parseAuthInfoLine(s), 0, parts);
        break;
      default: {
        const unknown: never = grammar;
        throw new Error(`Unknown auth header grammar: ${String(unknown)}`);
      }
    }
  } catch (e) {
    if (e instanceof GrammarError) return { ok: false, error: e.diagnostic };
    throw e;
  }
  return { ok: true, value: parts, warnings: s.warnings };
}
