/** @jest-environment node */
import { authorizationErrorRedirect, oauthErrorBody } from '@/lib/oauth/oauth-error';

describe('OAuth error responses', () => {
  test('the JSON body keeps error_description inside RFC 6749 §5.2’s character set', () => {
    expect(oauthErrorBody({ error: 'invalid_grant', description: 'The code "abc\\" was used\r\nbefore — twice' })).toEqual({
      error: 'invalid_grant',
      error_description: "The code 'abc?' was used??before ? twice",
    });
    // The lab's own citations stay readable: § spelled out.
    expect(oauthErrorBody({ error: 'invalid_grant', description: 'See RFC 6749 §4.1.2.' }).error_description).toBe('See RFC 6749 section 4.1.2.');
  });

  test('an authorization error goes to the redirect URI with error, description, state and iss, keeping its own query', () => {
    const location = authorizationErrorRedirect(
      'https://client.example/cb?tenant=7',
      { error: 'access_denied', description: 'alice said no' },
      'xyz',
      'https://lab.example/oauth',
    );
    const url = new URL(location);
    expect(url.origin + url.pathname).toBe('https://client.example/cb');
    expect([...url.searchParams]).toEqual([
      ['tenant', '7'],
      ['error', 'access_denied'],
      ['error_description', 'alice said no'],
      ['state', 'xyz'],
      ['iss', 'https://lab.example/oauth'],
    ]);
  });

  test('no state asked, none sent back', () => {
    expect(
      new URL(authorizationErrorRedirect('http://127.0.0.1:5000/cb', { error: 'invalid_scope', description: 'x' }, undefined)).searchParams.has('state'),
    ).toBe(false);
  });
});
