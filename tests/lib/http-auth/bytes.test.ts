import fc from 'fast-check';
import { base64url } from 'jose';
import { constantTimeEqual, constantTimeEqualText, decodeBase64, decodeBasicCredentials, encodeBase64, encodeBase64Url } from '@/lib/http-auth';

/** UTF-8 validation seen through the public API: Basic credentials "u:" followed by the bytes. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const token = encodeBase64(Uint8Array.from([0x75, 0x3a, ...bytes]));
  const result = decodeBasicCredentials(`Basic ${token}`);
  if (result.ok) return -1;
  const match = /^Byte (\d+) /.exec(result.error.message);
  return match ? Number(match[1]) - 1 - 2 : -2;
}

describe('base64 (RFC 4648 §4)', () => {
  it('encodes like Node and decodes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const text = encodeBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(decodeBase64(text)).toEqual({ kind: 'bytes', bytes, padded: true });
      }),
    );
  });

  it('encodes long input (more characters than one String.fromCharCode call takes) like Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 7000, maxLength: 20_000 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 20 },
    );
  });

  it.each([
    ['QW-h', 2],
    ['QWxhZ', 4],
    ['QWxhZA=', 6],
  ])('refuses %j at %i', (text, index) => {
    expect(decodeBase64(text)).toMatchObject({ kind: 'invalid', index });
  });
});

describe('base64url (RFC 4648 §5, unpadded as JOSE writes it)', () => {
  it("encodes as jose's base64url.encode and Node's 'base64url' do", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(base64url.encode(bytes));
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      }),
      { numRuns: 2000 },
    );
  });

  it('is base64 with "-" and "_" for "+" and "/", and no "=" padding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(encodeBase64Url(bytes)).toBe(encodeBase64(bytes).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, ''));
      }),
    );
  });

  it.each([
    [[], ''],
    [[0xfb], '-w'],
    [[0xff, 0xff], '__8'],
    [[0xfb, 0xff, 0xbf], '-_-_'],
  ])('%j -> %j', (bytes, text) => {
    expect(encodeBase64Url(Uint8Array.from(bytes))).toBe(text);
  });
});

describe('UTF-8 validation', () => {
  it('agrees with a fatal TextDecoder', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    [[0x61, 0xc3, 0xa4], -1],
    [[0x61, 0xa3], 1],
    [[0xed, 0xa0, 0x80], 0],
    [[0xc0, 0x80], 0],
  ])('%j -> %i', (bytes, index) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(index);
  });
});

describe('constant-time comparison', () => {
  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['', '', true],
    ['', 'a', false],
    ['a\u0000', 'a', false],
    ['wönderland', 'wönderland', true],
    ['wönderland', 'wonderland', false],
    ['🔑', '🔑', true],
  ])('%j vs %j -> %s', (a, b, equal) => {
    expect(constantTimeEqualText(a, b)).toBe(equal);
    expect(constantTimeEqual(Buffer.from(a), Buffer.from(b))).toBe(equal);
  });

  it('text compares as strings do, for any two strings (lone surrogates apart, unlike their UTF-8)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.boolean(), (a, b, same) => {
        const other = same ? a : b;
        expect(constantTimeEqualText(a, other)).toBe(a === other);
      }),
      { numRuns: 500 },
    );
    expect(constantTimeEqualText('\ud800', '\ud801')).toBe(false);
  });
});
