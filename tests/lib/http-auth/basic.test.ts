import fc from 'fast-check';
import { basicChallenge, decodeBasicCredentials, encodeBasicCredentials, formatChallenge, formatCredentials } from '@/lib/http-auth';

describe('Basic: RFC 7617 vectors', () => {
  it('§2: Aladdin / open sesame', () => {
    const result = encodeBasicCredentials({ userId: 'Aladdin', password: 'open sesame' });
    expect(result.ok && formatCredentials(result.value)).toBe('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==');
    expect(decodeBasicCredentials('Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==')).toEqual({
      ok: true,
      value: { userId: 'Aladdin', password: 'open sesame' },
      warnings: [],
    });
  });

  it('§2.1: test / 123£ with charset UTF-8', () => {
    const result = encodeBasicCredentials({ userId: 'test', password: '123\u00a3' });
    expect(result.ok && result.value.token68).toBe('dGVzdDoxMjPCow==');
    expect(decodeBasicCredentials('Basic dGVzdDoxMjPCow==')).toMatchObject({ ok: true, value: { userId: 'test', password: '123\u00a3' } });
  });

  it('§2.1: the same password in ISO-8859-1 is a different token, and not UTF-8', () => {
    const latin1 = encodeBasicCredentials({ userId: 'test', password: '123\u00a3' }, 'ISO-8859-1');
    expect(latin1.ok && latin1.value.token68).toBe('dGVzdDoxMjOj');
    const asUtf8 = decodeBasicCredentials('Basic dGVzdDoxMjOj');
    expect(asUtf8).toMatchObject({ ok: false, error: { code: 'basic-not-utf8', index: 14 } });
    expect(!asUtf8.ok && asUtf8.error.message).toContain('test:123\u00a3');
    expect(decodeBasicCredentials('Basic dGVzdDoxMjOj', 'ISO-8859-1')).toMatchObject({ ok: true, value: { password: '123\u00a3' } });
  });

  it('§2.1: the challenge with charset', () => {
    expect(formatChallenge(basicChallenge({ realm: 'foo', charset: 'UTF-8' }))).toBe('Basic realm="foo", charset="UTF-8"');
    expect(formatChallenge(basicChallenge({ realm: 'WallyWorld' }))).toBe('Basic realm="WallyWorld"');
  });
});

describe('Basic: encoding refuses what §2 forbids', () => {
  it.each([
    [{ userId: 'a:b', password: 'x' }, 'UTF-8', 'basic-colon-in-user-id', 1],
    [{ userId: 'ab', password: 'x\ny' }, 'UTF-8', 'basic-control-char', 4],
    [{ userId: 'a\u0085', password: 'x' }, 'UTF-8', 'basic-control-char', 1],
    [{ userId: 'ab', password: '\u20ac' }, 'ISO-8859-1', 'basic-not-latin1', 3],
  ] as const)('%j (%s) -> %s at %i', (user, charset, code, index) => {
    expect(encodeBasicCredentials(user, charset)).toMatchObject({ ok: false, error: { code, index } });
  });

  it('a password may contain ":"; only the first one separates', () => {
    const result = encodeBasicCredentials({ userId: 'u', password: 'p:a:ss' });
    expect(result.ok && decodeBasicCredentials(formatCredentials(result.value))).toMatchObject({ ok: true, value: { userId: 'u', password: 'p:a:ss' } });
  });
});

describe('Basic: decoding explains what is wrong', () => {
  it.each([
    ['Basic QWxh-GRp', 'invalid-base64', 10],
    ['Basic QWxh*GRp', 'invalid-token68', 10],
    ['Basic QWxhZGRpbg==', 'basic-no-colon', 6],
    ['Bearer QWxhZGRpbg==', 'basic-wrong-scheme', 0],
    ['Basic user="a"', 'basic-not-token68', 0],
    ['Basic a', 'invalid-base64', 6],
    ['Basic', 'basic-not-token68', 0],
  ])('%j -> %s at %i', (input, code, index) => {
    expect(decodeBasicCredentials(input)).toMatchObject({ ok: false, error: { code, index } });
  });

  it('accepts a lower-case scheme (RFC 9110 §11.1) and missing padding with a warning', () => {
    const result = decodeBasicCredentials('basic QWxhZGRpbjpvcGVuIHNlc2FtZQ');
    expect(result).toMatchObject({ ok: true, value: { userId: 'Aladdin', password: 'open sesame' } });
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['base64-unpadded']);
  });

  it('round-trips any allowed user-id and password, in UTF-8 and ISO-8859-1', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 16 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s));
    fc.assert(
      fc.property(
        text.filter((s) => !s.includes(':')),
        text,
        (userId, password) => {
          const encoded = encodeBasicCredentials({ userId, password });
          expect(encoded.ok && decodeBasicCredentials(formatCredentials(encoded.value))).toMatchObject({ ok: true, value: { userId, password } });
        },
      ),
    );
    const latin1 = fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 8 });
    fc.assert(
      fc.property(latin1, latin1, (userId, password) => {
        const encoded = encodeBasicCredentials({ userId, password }, 'ISO-8859-1');
        const header = encoded.ok ? formatCredentials(encoded.value) : '';
        expect(decodeBasicCredentials(header, 'ISO-8859-1')).toMatchObject({ ok: true, value: { userId, password } });
      }),
    );
  });
});
