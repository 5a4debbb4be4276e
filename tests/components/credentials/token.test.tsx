import './text-encoding';
import { countdownText, prettyJwt, problemMessage, readTokenResponse, truncateToken } from '@/components/playground/credentials/token';

describe('token helpers', () => {
  test('countdown text in minutes, hours and after expiry', () => {
    expect(countdownText(300_000, 0)).toBe('expires in 5:00');
    expect(countdownText(300_000, 1_500)).toBe('expires in 4:59');
    expect(countdownText(3_600_000, 0)).toBe('expires in 1:00:00');
    expect(countdownText(0, 0)).toBe('expired 0 s ago');
    expect(countdownText(0, 12_400)).toBe('expired 12 s ago');
    expect(countdownText(0, 125_000)).toBe('expired 2:05 ago');
  });

  test('decodes a JWT header and claims from base64url, and refuses what is not one', () => {
    const jwt = prettyJwt('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiLDqyJ9.sig');
    expect(jwt?.header).toBe('{\n  "alg": "HS256"\n}');
    expect(jwt?.claims).toBe('{\n  "sub": "ë"\n}');
    expect(prettyJwt('opaque')).toBeUndefined();
    expect(prettyJwt('a.b.c')).toBeUndefined();
    // An unsecured JWT (RFC 7519 §6) has an empty signature and still reads; a JWE (five parts) does not.
    expect(prettyJwt('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.')).toEqual({ header: '{\n  "alg": "none"\n}', claims: '{\n  "sub": "alice"\n}' });
    expect(prettyJwt('eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4R0NNIn0..iv.ciphertext.tag')).toBeUndefined();
  });

  test('reads RFC 6749 §5.1 answers and RFC 9457 problems', () => {
    expect(readTokenResponse({ access_token: 't', token_type: 'Bearer', expires_in: 30 })).toEqual({
      accessToken: 't',
      tokenType: 'Bearer',
      expiresIn: 30,
      scope: '',
    });
    expect(readTokenResponse({ token_type: 'Bearer' })).toBeUndefined();
    expect(problemMessage(400, { error: 'invalid_scope' })).toBe('400: invalid_scope');
    expect(problemMessage(500, undefined)).toBe('500: the token endpoint refused the request.');
    expect(truncateToken('x'.repeat(50))).toBe(`${'x'.repeat(24)}…${'x'.repeat(10)}`);
  });
});
