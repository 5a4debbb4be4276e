import { extentAt } from '@/lib/http-auth';

// [value, index, kind, what a reader's highlight covers]
const CASES: Array<[string, number, 'token' | 'token68', string]> = [
  ['Basic realm="a, b"', 12, 'token', '"a, b"'],
  ['Digest realm="say \\"hi\\"", x=1', 13, 'token', '"say \\"hi\\""'],
  ['Digest realm="ends \\\\", x=1', 13, 'token', '"ends \\\\"'],
  ['Basic realm="never closed, x=1', 12, 'token', '"never closed, x=1'],
  ['Digest algorithm=SHA-512, x=1', 17, 'token', 'SHA-512'],
  ['Negotiate YII+/w==, Basic', 10, 'token68', 'YII+/w=='],
  ['Negotiate YII+/w==, Basic', 10, 'token', 'YII+'],
  ['Basic realm=@bad', 12, 'token', '@'],
  ['Basic realm=@bad', 12, 'token68', '@'],
  ['Basic\trealm="x"', 5, 'token', '\t'],
];

describe('extentAt', () => {
  test.each(CASES)('%j at %i as %s', (value, index, kind, covered) => {
    expect(value.slice(index, index + extentAt(value, index, kind))).toBe(covered);
  });

  test('nothing at or past the end; a token by default', () => {
    expect(extentAt('Basic', 5)).toBe(0);
    expect(extentAt('Basic', 9)).toBe(0);
    expect(extentAt('YII/w==', 0)).toBe(3);
  });
});
