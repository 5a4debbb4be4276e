// Hostile text for the security tests (unit, route handler and browser): values a query override or a
// request field may carry, and the checks every response head must pass whatever came in.
import fc from 'fast-check';
import { OVERRIDE_PARAMETERS } from '@/lib/sandbox/scenario/overrides';
import { getParam, parseChallenges, type Challenge } from '@/lib/http-auth';

/** Characters that break a header or a quoted-string when reflected carelessly (RFC 9110 §5.5, §5.6.4). */
const SPECIALS = [
  '\r',
  '\n',
  '\r\n',
  '\0',
  '\x01',
  '\x1b',
  '\x7f',
  '\t',
  ' ',
  '"',
  '\\',
  ',',
  ';',
  '=',
  ':',
  '<',
  '>',
  '&',
  "'",
  'é',
  '\x85',
  '\xff',
  '\u2028',
  '\u{1F600}',
  '%0d%0a',
];

/** Mostly printable ASCII (so many values are valid and reach a header), seasoned with specials. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.string({
      unit: fc.oneof(
        { weight: 6, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }).filter((c) => c >= ' ' && c <= '~') },
        { weight: 2, arbitrary: fc.constantFrom(...SPECIALS) },
      ),
      maxLength: 24,
    }),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'a\r\nX-Injected: 1',
      'a"\r\nX-Injected: 1',
      'x", realm="evil',
      'a\\',
      '\\"',
      '"',
      'read\r\nX-Injected: 1',
      'read write',
      'SHA-256\nX: 1',
      'auth\0',
      '  padded  ',
      'x'.repeat(101),
    ),
  },
);

/** 1 to 3 overrides with hostile values, as a query string (URLSearchParams encodes everything). */
export const hostileQuery: fc.Arbitrary<URLSearchParams> = fc
  .array(fc.tuple(fc.constantFrom(...OVERRIDE_PARAMETERS), hostileValue), { minLength: 1, maxLength: 3 })
  .map((pairs) => new URLSearchParams(pairs));

/** RFC 9110 §5.1: field-name = token. */
const FIELD_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** RFC 9110 §5.5: field-value, as octets: VCHAR, obs-text, SP and HTAB inside, no CR, LF, NUL or other controls. */
const FIELD_VALUE = /^(?:[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?)?$/;

/** Throws, naming the field, unless every field line is a well-formed name and value. */
export function expectWellFormedFields(headers: readonly (readonly [string, string])[]): void {
  for (const [name, value] of headers) {
    if (!FIELD_NAME.test(name)) throw new Error(`field name ${JSON.stringify(name)} is not a token`);
    if (!FIELD_VALUE.test(value)) throw new Error(`${name}: ${JSON.stringify(value)} is not a valid field value (RFC 9110 §5.5)`);
  }
}

/** The challenges of every field line of `field`; throws when a line does not parse. */
export function challengesIn(headers: readonly (readonly [string, string])[], field: string): Challenge[] {
  const lines = headers.filter(([name]) => name.toLowerCase() === field.toLowerCase()).map(([, value]) => value);
  if (lines.length === 0) return [];
  const parsed = parseChallenges(lines);
  if (!parsed.ok) throw new Error(`${field} ${JSON.stringify(lines)} does not parse: ${parsed.error.message}`);
  return parsed.value;
}

/** How the sandbox reads a list override (scope, algorithm, qop): split on commas and white space. */
export const listOf = (value: string) => value.split(/[\s,]+/).filter(Boolean);

/**
 * What a 401/407 must say about the overrides that shaped it: each challenge names the realm (or
 * proxy_realm) exactly as asked, once unescaped, and a Bearer scope lists the scopes asked for. NTLM and
 * Negotiate challenges carry no realm at all (a bare scheme or one token).
 */
const CONNECTION_SCHEMES = new Set(['ntlm', 'negotiate']);

export function expectOverridesRoundTrip(status: number, headers: readonly (readonly [string, string])[], query: URLSearchParams): void {
  if (status === 401) {
    const challenges = challengesIn(headers, 'WWW-Authenticate');
    if (challenges.length === 0) throw new Error('a 401 without WWW-Authenticate');
    for (const challenge of challenges) {
      if (CONNECTION_SCHEMES.has(challenge.scheme.toLowerCase())) {
        if (Object.keys(challenge.params).length > 0) throw new Error(`an ${challenge.scheme} challenge with parameters`);
        continue;
      }
      const realm = query.get('realm');
      if (realm !== null && getParam(challenge.params, 'realm') !== realm)
        throw new Error(`realm ${JSON.stringify(getParam(challenge.params, 'realm'))} is not the override ${JSON.stringify(realm)}`);
      const scope = query.get('scope');
      const sent = getParam(challenge.params, 'scope');
      if (scope !== null && challenge.scheme.toLowerCase() === 'bearer' && sent !== undefined && sent !== listOf(scope).join(' ')) {
        throw new Error(`scope ${JSON.stringify(sent)} is not the override ${JSON.stringify(scope)}`);
      }
    }
  }
  if (status === 407) {
    const challenges = challengesIn(headers, 'Proxy-Authenticate');
    if (challenges.length === 0) throw new Error('a 407 without Proxy-Authenticate');
    const realm = query.get('proxy_realm');
    for (const challenge of challenges) {
      if (CONNECTION_SCHEMES.has(challenge.scheme.toLowerCase())) continue;
      if (realm !== null && getParam(challenge.params, 'realm') !== realm)
        throw new Error(`proxy realm ${JSON.stringify(getParam(challenge.params, 'realm'))} is not the override ${JSON.stringify(realm)}`);
    }
  }
}
