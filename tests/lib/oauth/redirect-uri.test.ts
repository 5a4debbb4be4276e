/** @jest-environment node */
import { matchRedirectUri, redirectUriProblem } from '@/lib/oauth/redirect-uri';

describe('redirect URIs a client may register', () => {
  test.each([
    ['https://client.example/cb', undefined],
    ['https://client.example/cb?tenant=1', undefined],
    ['http://127.0.0.1/callback', undefined],
    ['http://[::1]:8080/callback', undefined],
    ['http://localhost:6274/oauth/callback', undefined],
    ['com.example.app:/oauth2redirect', undefined],
    ['https://client.example/cb#top', { kind: 'fragment' }],
    ['/relative/cb', { kind: 'not-absolute' }],
    ['http://client.example/cb', { kind: 'insecure-http', host: 'client.example' }],
    ['http://127.0.0.1.evil.example/cb', { kind: 'insecure-http', host: '127.0.0.1.evil.example' }],
    ['javascript:alert(1)', { kind: 'scheme', scheme: 'javascript' }],
    ['data:text/html,hi', { kind: 'scheme', scheme: 'data' }],
    ['myapp:/cb', { kind: 'scheme', scheme: 'myapp' }],
    ['https://user:pw@client.example/cb', { kind: 'credentials' }],
  ])('%s', (uri, expected) => {
    expect(redirectUriProblem(uri)).toEqual(expected);
  });
});

describe('matching an authorization request’s redirect_uri (RFC 9700 §2.1)', () => {
  const registered = ['https://client.example/cb', 'http://127.0.0.1/callback', 'http://[::1]:9000/cb', 'http://localhost:6274/oauth/callback'];

  test.each([
    ['the same string', 'https://client.example/cb', 'https://client.example/cb'],
    ['a loopback IP literal on another port (RFC 8252 §7.3)', 'http://127.0.0.1:51004/callback', 'http://127.0.0.1/callback'],
    ['IPv6 loopback on another port', 'http://[::1]:4000/cb', 'http://[::1]:9000/cb'],
    ['localhost on its registered port', 'http://localhost:6274/oauth/callback', 'http://localhost:6274/oauth/callback'],
  ])('%s matches', (_name, requested, expected) => {
    expect(matchRedirectUri(registered, requested)).toBe(expected);
  });

  test.each([
    ['a longer path', 'https://client.example/cb/../evil'],
    ['an added query', 'https://client.example/cb?next=https://evil.example'],
    ['a trailing slash', 'https://client.example/cb/'],
    ['upper-case host', 'https://CLIENT.example/cb'],
    ['another host', 'https://evil.example/cb'],
    ['localhost on another port (only IP literals may change port)', 'http://localhost:9999/oauth/callback'],
    ['user info that hides another host', 'http://127.0.0.1:80@evil.example/callback'],
    ['a look-alike host', 'http://127.0.0.1.evil.example/callback'],
    ['another loopback path', 'http://127.0.0.1:5000/other'],
    ['https for a registered http loopback URI', 'https://127.0.0.1:5000/callback'],
    ['not a URL', 'callback'],
  ])('%s does not match', (_name, requested) => {
    expect(matchRedirectUri(registered, requested)).toBeUndefined();
  });
});
