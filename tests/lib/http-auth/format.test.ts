import fc from 'fast-check';
import { formatAuthInfo, formatChallenge, formatChallenges, formatCredentials, quoteString } from '@/lib/http-auth';

describe('formatChallenge quotes exactly what the RFCs say to quote', () => {
  it.each([
    [{ scheme: 'Basic', params: { realm: 'WallyWorld' } }, 'Basic realm="WallyWorld"'],
    [{ scheme: 'Basic', params: { realm: 'foo', charset: 'UTF-8' } }, 'Basic realm="foo", charset="UTF-8"'],
    [
      { scheme: 'Bearer', params: { realm: 'example', error: 'invalid_token', error_description: 'The access token expired' } },
      'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
    ],
    [
      {
        scheme: 'Digest',
        params: { realm: 'r', qop: 'auth', algorithm: 'SHA-256', nonce: 'n', opaque: 'o', stale: 'true', charset: 'UTF-8', userhash: 'true' },
      },
      'Digest realm="r", qop="auth", algorithm=SHA-256, nonce="n", opaque="o", stale=true, charset=UTF-8, userhash=true',
    ],
    [{ scheme: 'Newauth', params: { realm: 'apps', type: '1', title: 'Login to "apps"' } }, 'Newauth realm="apps", type=1, title="Login to \\"apps\\""'],
    [{ scheme: 'Newauth', params: { empty: '' } }, 'Newauth empty=""'],
    [{ scheme: 'Negotiate', token68: 'abc==', params: {} }, 'Negotiate abc=='],
    [{ scheme: 'Negotiate', params: {} }, 'Negotiate'],
  ])('%j', (challenge, expected) => {
    expect(formatChallenge(challenge)).toBe(expected);
  });

  it('writes a token where the table wants one only if the value is a token', () => {
    expect(formatChallenge({ scheme: 'Digest', params: { algorithm: 'not a token' } })).toBe('Digest algorithm="not a token"');
  });

  it('joins several challenges on one line', () => {
    const line = formatChallenges([
      { scheme: 'Basic', params: { realm: 'simple' } },
      { scheme: 'Newauth', params: { realm: 'apps' } },
    ]);
    expect(line).toBe('Basic realm="simple", Newauth realm="apps"');
  });
});

describe('formatCredentials and formatAuthInfo follow RFC 7616 §3.4 and §3.5 for Digest', () => {
  it('credentials', () => {
    const header = formatCredentials({
      scheme: 'Digest',
      params: { username: 'Mufasa', realm: 'r', uri: '/', algorithm: 'MD5', nonce: 'n', nc: '00000001', cnonce: 'c', qop: 'auth', response: 'ab', opaque: 'o' },
    });
    expect(header).toBe('Digest username="Mufasa", realm="r", uri="/", algorithm=MD5, nonce="n", nc=00000001, cnonce="c", qop=auth, response="ab", opaque="o"');
  });

  it('Authentication-Info', () => {
    expect(formatAuthInfo({ qop: 'auth', rspauth: 'ab', cnonce: 'c', nc: '00000001', nextnonce: 'n' }, 'Digest')).toBe(
      'qop=auth, rspauth="ab", cnonce="c", nc=00000001, nextnonce="n"',
    );
  });
});

describe('formatting refuses what no recipient could parse', () => {
  it.each([
    [{ scheme: 'Bad Scheme', params: {} }],
    [{ scheme: 'Basic', params: { 'bad name': 'x' } }],
    [{ scheme: 'Basic', token68: 'a b', params: {} }],
    [{ scheme: 'Basic', token68: 'abc', params: { realm: 'x' } }],
    [{ scheme: 'Basic', params: { realm: 'line\nbreak' } }],
  ])('%j throws TypeError', (challenge) => {
    expect(() => formatChallenge(challenge)).toThrow(TypeError);
  });

  it('quoteString escapes only DQUOTE and backslash', () => {
    expect(quoteString('a"b\\c d,e')).toBe('"a\\"b\\\\c d,e"');
  });

  it('quoteString gives, for any text, the character-by-character escaping, or the same TypeError', () => {
    // The reference: RFC 9110 §5.6.4 quoted-pair for '"' and '\\' only, every other character as it is.
    const reference = (value: string): string => {
      for (const char of value) {
        const code = char.charCodeAt(0);
        if (!(code === 0x09 || (code >= 0x20 && code !== 0x7f))) return `throws U+${code.toString(16).padStart(4, '0')}`;
      }
      return `"${value.replace(/["\\]/g, '\\$&')}"`;
    };
    const actual = (value: string): string => {
      try {
        return quoteString(value);
      } catch (error) {
        return `throws ${/U\+([0-9a-f]{4})/.exec(String(error))?.[0] ?? String(error)}`;
      }
    };
    const quotable = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '\t', '"', '\\', ',', '=', 'é', '\u20ac'), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(quotable, fc.string({ unit: 'binary', maxLength: 40 })), (value) => {
        expect(actual(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });
});
