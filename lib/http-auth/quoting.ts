import type { ParamContext } from './types';

// Which parameter values the RFCs want quoted, and which they want as bare tokens. The formatter
// follows this table and the linter warns when a received header departs from it.

export type QuotingRule = 'quote' | 'token' | 'either';

type Table = Partial<Record<ParamContext, Record<string, 'quote' | 'token'>>>;

const TABLES: Record<string, Table> = {
  // RFC 7616 §3.3, §3.4 and §3.5 each list which parameters a sender MUST and MUST NOT quote.
  digest: {
    challenge: { realm: 'quote', domain: 'quote', nonce: 'quote', opaque: 'quote', qop: 'quote', stale: 'token', algorithm: 'token' },
    credentials: {
      username: 'quote',
      realm: 'quote',
      nonce: 'quote',
      uri: 'quote',
      response: 'quote',
      cnonce: 'quote',
      opaque: 'quote',
      algorithm: 'token',
      qop: 'token',
      nc: 'token',
    },
    'auth-info': { nextnonce: 'quote', rspauth: 'quote', cnonce: 'quote', qop: 'token', nc: 'token' },
  },
  // RFC 6750 §3: the ABNF gives every Bearer challenge attribute as a quoted-string. RFC 9470 §3's examples
  // quote acr_values and max_age too (max_age may be either, and the formatter follows the examples).
  bearer: {
    challenge: { scope: 'quote', error: 'quote', error_description: 'quote', error_uri: 'quote', acr_values: 'quote', max_age: 'quote' },
  },
  // RFC 9449 §7.1 takes Bearer's parameters, and its Figures 15 to 19 quote algs as well.
  dpop: {
    challenge: {
      scope: 'quote',
      error: 'quote',
      error_description: 'quote',
      error_uri: 'quote',
      acr_values: 'quote',
      max_age: 'quote',
      algs: 'quote',
    },
  },
  // RFC 7617 §2.1 writes charset="UTF-8" quoted.
  basic: { challenge: { charset: 'quote' } },
};

// Keyed by scheme, then header: every formatted or linted parameter asks, and a key joined from the two
// would be a new string to hash on each question (issue 23: Authentication-Info on every Digest success).
const RULES = new Map<string, Map<string, ReadonlyMap<string, 'quote' | 'token'>>>();
for (const [scheme, table] of Object.entries(TABLES)) {
  RULES.set(scheme, new Map(Object.entries(table).map(([context, rules]) => [context, new Map(Object.entries(rules))])));
}

/** The rules for one scheme (lower-cased) and header; undefined when the RFCs set none beyond realm. */
export function quotingRules(scheme: string, context: ParamContext): ReadonlyMap<string, 'quote' | 'token'> | undefined {
  return RULES.get(scheme)?.get(context);
}

/** RFC 9110 §11.5: realm is always a quoted-string; the rest depends on scheme and header. */
export function quotingRule(scheme: string, context: ParamContext, name: string): QuotingRule {
  if (name === 'realm') return 'quote';
  return quotingRules(scheme.toLowerCase(), context)?.get(name) ?? 'either';
}
