import { isQuotedPairChar, isToken, isToken68 } from './grammar/chars';
import { quotingRule } from './quoting';
import type { Challenge, Credentials, ParamContext } from './types';

// Formatting is for values we build ourselves, so invalid input is a programming error: it throws
// TypeError rather than emitting a header no recipient could parse.

/** RFC 9110 §5.6.4: quoted-string, escaping only what must be escaped ('"' and '\'). */
export function quoteString(value: string): string {
  // One pass to check every character and find the first that needs escaping: most values (hex digests,
  // nonces, realms) have none and are sent as they are, without a string built a character at a time.
  let escapeFrom = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!isQuotedPairChar(c)) {
      throw new TypeError(`Character U+${c.toString(16).padStart(4, '0')} cannot appear in a quoted-string (RFC 9110 §5.6.4).`);
    }
    if (escapeFrom < 0 && (c === 0x22 || c === 0x5c)) escapeFrom = i;
  }
  if (escapeFrom < 0) return `"${value}"`;
  let out = `"${value.slice(0, escapeFrom)}`;
  for (let i = escapeFrom; i < value.length; i++) {
    const c = value.charCodeAt(i);
    out += c === 0x22 || c === 0x5c ? `\\${value.charAt(i)}` : value.charAt(i);
  }
  return `${out}"`;
}

export function formatParam(scheme: string, context: ParamContext, name: string, value: string): string {
  if (!isToken(name)) throw new TypeError(`'${name}' is not a valid parameter name (RFC 9110 §5.6.2: token).`);
  const rule = quotingRule(scheme, context, name.toLowerCase());
  // A value that is not a token can only be sent quoted, whatever the table prefers.
  const bare = rule !== 'quote' && isToken(value);
  return `${name}=${bare ? value : quoteString(value)}`;
}

function formatElement(c: Challenge | Credentials, context: ParamContext): string {
  if (!isToken(c.scheme)) throw new TypeError(`'${c.scheme}' is not a valid auth-scheme (RFC 9110 §11.1: token).`);
  const names = Object.keys(c.params);
  if (c.token68 !== undefined) {
    if (!isToken68(c.token68)) throw new TypeError(`'${c.token68}' is not a valid token68 (RFC 9110 §11.2).`);
    if (names.length > 0) throw new TypeError('A token68 and auth-params cannot be combined (RFC 9110 §11.3).');
    return `${c.scheme} ${c.token68}`;
  }
  if (names.length === 0) return c.scheme;
  return `${c.scheme} ${formatParams(c.scheme, context, c.params)}`;
}

export function formatParams(scheme: string, context: ParamContext, params: Record<string, string>): string {
  return Object.keys(params)
    .map((name) => formatParam(scheme, context, name, params[name] ?? ''))
    .join(', ');
}

/** RFC 9110 §11.3. Quotes what the RFCs say to quote (see quoting.ts), otherwise only when needed. */
export function formatChallenge(c: Challenge): string {
  return formatElement(c, 'challenge');
}

/** Several challenges on one field line (RFC 9110 §11.6.1); several lines interoperate better. */
export function formatChallenges(challenges: readonly Challenge[]): string {
  return challenges.map(formatChallenge).join(', ');
}

/** RFC 9110 §11.4. */
export function formatCredentials(c: Credentials): string {
  return formatElement(c, 'credentials');
}

/** RFC 9110 §11.6.3: `#auth-param`; `scheme` picks the quoting rules (RFC 7616 §3.5 for Digest). */
export function formatAuthInfo(params: Record<string, string>, scheme = ''): string {
  return formatParams(scheme, 'auth-info', params);
}
