import { DQUOTE } from './grammar/chars';
import { Scanner } from './grammar/scanner';

// A Diagnostic says where a problem starts (types.ts), not how far it reaches; a reader's highlight
// wants the whole quoted-string, token68 or token found there, read with the grammar's own character
// classes rather than a copy of them.

/** What to read at the index when it is not a quoted-string: a token (RFC 9110 §5.6.2) or a token68 (§11.2). */
export type ExtentKind = 'token' | 'token68';

/**
 * How many characters from `index` the quoted-string (to its closing DQUOTE, or the end when there is
 * none), token68 or token there spans: at least 1 inside the value, 0 at or past its end.
 */
export function extentAt(value: string, index: number, kind: ExtentKind = 'token'): number {
  if (index >= value.length) return 0;
  const s = new Scanner(value);
  const end = value.charCodeAt(index) === DQUOTE ? s.quotedStringEnd(index) : kind === 'token68' ? s.token68End(index) : s.tokenEnd(index);
  return Math.max(1, end - index);
}
