import fc from 'fast-check';
import type { Challenge, Credentials } from '@/lib/http-auth';

// Generators for the property tests: valid values built from the RFC 9110 grammar, and header-like
// strings made of the characters the grammar cares about.

const TCHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".split('');
const TOKEN68_CHARS = '-._~+/0123456789abcdefXYZ'.split('');

export const token = fc.string({ unit: fc.constantFrom(...TCHARS), minLength: 1, maxLength: 12 });
export const paramName = token.map((t) => t.toLowerCase());

export const token68 = fc
  .tuple(fc.string({ unit: fc.constantFrom(...TOKEN68_CHARS), minLength: 1, maxLength: 20 }), fc.nat({ max: 2 }))
  .map(([body, pad]) => body + '='.repeat(pad));

/** Anything a quoted-string can carry: VCHAR, SP, HTAB, obs-text, and the characters that need escaping. */
const qdChar = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\t', '"', '\\', ',', '=', 'ä', 'é', '\u00ff'),
);
export const paramValue = fc.string({ unit: qdChar, maxLength: 24 });

const paramsArb = fc.dictionary(paramName, paramValue, { maxKeys: 5 });

export const challenge: fc.Arbitrary<Challenge> = fc.oneof(
  fc.record({ scheme: token, params: paramsArb }),
  fc.record({ scheme: token, token68, params: fc.constant({}) }),
);
export const credentials: fc.Arbitrary<Credentials> = challenge;

/** Strings from the grammar's own alphabet, so that the parser's every branch gets exercised. */
export const headerish = fc
  .array(
    fc.constantFrom(
      'Basic',
      'Digest',
      'Bearer',
      'realm',
      'a',
      'x1',
      ' ',
      '  ',
      '\t',
      ',',
      ', ',
      '=',
      ' = ',
      '"',
      '"v"',
      '\\',
      '\\"',
      'abc==',
      '/',
      '@',
      ';',
      '\r\n ',
      '\n',
      '\r',
      '\u0001',
      '\u007f',
      'ä',
      '\u20ac',
      'realm="a"',
      'k=v',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

export const anyString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), headerish);
