import { applyOverrides, OVERRIDE_PARAMETERS } from '@/lib/sandbox/scenario/overrides';

type OverrideName = (typeof OVERRIDE_PARAMETERS)[number];
import { findPreset } from '@/lib/sandbox/scenario/presets';

const basic = () =>
  findPreset('basic')?.scenario ??
  (() => {
    throw new Error('no basic preset');
  })();
const apply = (query: string) => applyOverrides(basic(), new URLSearchParams(query));

describe('query overrides', () => {
  test('realm, user and password change the origin', () => {
    const result = apply('realm=staff&user=carol&password=secret');
    expect(result.ok && [result.scenario.origin.realm, result.scenario.origin.users[0]]).toEqual([
      'staff',
      { name: 'carol', password: 'secret', roles: ['reader'] },
    ]);
  });

  test('schemes picks and orders the schemes offered', () => {
    const result = apply('schemes=digest,basic&algorithm=SHA-512-256');
    expect(result.ok && result.scenario.origin.schemes.map((s) => s.kind)).toEqual(['digest', 'basic']);
    expect(result.ok && result.scenario.origin.schemes[0]).toMatchObject({ algorithms: ['SHA-512-256'] });
  });

  test('proxy adds a proxy hop in front, and proxy=none removes it', () => {
    const added = apply('proxy=digest&proxy_user=bob&proxy_password=builder');
    expect(added.ok && added.scenario.proxy).toMatchObject({ realm: 'corp-proxy', schemes: [{ kind: 'digest' }] });
    // The named user comes first; the hop's default user still works.
    expect(added.ok && added.scenario.proxy?.users.map((u) => [u.name, u.password])).toEqual([
      ['bob', 'builder'],
      ['alice', 'wonderland'],
    ]);
    const proxied = findPreset('proxy-then-origin')?.scenario;
    const removed = proxied && applyOverrides(proxied, new URLSearchParams('proxy=none'));
    expect(removed && removed.ok && removed.scenario.proxy).toBeUndefined();
  });

  test('charset takes UTF-8 in any case, and none', () => {
    const result = apply('charset=utf-8&schemes=basic,digest');
    expect(result.ok && result.scenario.origin.schemes).toMatchObject([{ charset: 'UTF-8' }, { charset: true }]);
    const none = apply('charset=none&schemes=basic,digest');
    expect(none.ok && none.scenario.origin.schemes).toMatchObject([{ charset: 'none' }, { charset: false }]);
  });
});

// Issue 16, bug 6: every refusal names the parameter as the URL wrote it and says what it may be,
// never the scenario's internal path ("origin.schemes.0.algorithms.0: Invalid option").
describe('a bad override value is refused in plain words', () => {
  const ALGORITHMS = 'use MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256 or SHA-512-256-sess, comma-separated';
  const cases: [OverrideName, string, string][] = [
    [
      'realm',
      'a\r\nX-Injected: 1',
      'realm: "a\\r\\nX-Injected: 1" is not allowed; use 1 to 100 printable ASCII characters (no CR, LF or other control characters).',
    ],
    ['realm', '', 'realm: "" is not allowed; use 1 to 100 printable ASCII characters'],
    ['realm', 'r'.repeat(101), 'realm: "rrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr…" is not allowed; use 1 to 100'],
    ['user', 'a:b', 'user: "a:b" is not allowed; use 1 to 64 characters without ":" (RFC 7617 §2) or control characters.'],
    ['password', '', 'password: "" is not allowed; use 1 to 128 characters without control characters.'],
    ['role', 'Editor', 'role: "Editor" is not a role name; use lower-case letters, digits and "-", starting with a letter'],
    ['status', '500', 'status: "500" is not a refusal status; use 403 or 404.'],
    ['charset', 'latin1', 'charset: "latin1" is not a charset the challenge can announce; use UTF-8 or none.'],
    ['algorithm', 'rot13', `algorithm: "rot13" is not a Digest algorithm; ${ALGORITHMS}.`],
    ['algorithm', 'SHA-512', `algorithm: "SHA-512" is not a Digest algorithm; ${ALGORITHMS}.`],
    ['algorithm', ',', `algorithm: name at least one Digest algorithm; ${ALGORITHMS}.`],
    ['algorithm', 'MD5,MD5', 'algorithm: "MD5,MD5" names a Digest algorithm twice; name each once.'],
    ['qop', 'auth-conf', 'qop: "auth-conf" is not a Digest quality of protection (qop); use auth or auth-int, comma-separated.'],
    ['userhash', 'yes', 'userhash: "yes" is not a yes-or-no value; use true or false.'],
    [
      'scope',
      'read "write"',
      'scope: "\\"write\\"" is not a scope token; use 1 to 64 printable ASCII characters without space, quote or backslash (RFC 6750 §3).',
    ],
    ['scope', 'a b c d e f g h i', 'scope: "a b c d e f g h i" names 9 scopes; name at most 8.'],
    ['layout', 'two-lines', 'layout: "two-lines" is not a challenge layout; use one-line or several-lines.'],
    ['nonce_lifetime', '-5', 'nonce_lifetime: "-5" is not a whole number of seconds from 1 to 3600.'],
    ['nonce_lifetime', '3601', 'nonce_lifetime: "3601" is not a whole number of seconds from 1 to 3600.'],
    ['token_lifetime', '0', 'token_lifetime: "0" is not a whole number of seconds from 1 to 86400.'],
    ['schemes', 'kerberos', 'schemes: "kerberos" is not a scheme; use basic, bearer, digest, ntlm or negotiate, comma-separated.'],
    ['schemes', 'basic,basic', 'schemes: "basic,basic" names a scheme twice; name each once.'],
    ['proxy', 'kerberos', 'proxy: "kerberos" is not a proxy setting; use none, basic, digest, ntlm or negotiate.'],
    ['proxy_realm', 'a\u0000b', 'proxy_realm: "a\\u0000b" is not allowed; use 1 to 100 printable ASCII characters'],
    ['proxy_user', 'a:b', 'proxy_user: "a:b" is not allowed; use 1 to 64 characters without ":"'],
    ['proxy_password', 'a\nb', 'proxy_password: "a\\nb" is not allowed; use 1 to 128 characters without control characters.'],
  ];

  test('the table covers every override parameter', () => {
    expect(new Set(cases.map(([name]) => name))).toEqual(new Set(OVERRIDE_PARAMETERS));
  });

  test.each(cases)('%s=%j', (name, value, message) => {
    // On a scenario where every override acts (Digest and Bearer offered, a proxy in front), unless the
    // parameter under test is one of those two.
    const query = new URLSearchParams({ schemes: 'basic,digest,bearer', proxy: 'basic' });
    query.set(name, value);
    const result = apply(query.toString());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
    expect(!result.ok && result.message).not.toMatch(/origin\.|schemes\.\d|Invalid/);
  });

  test('several bad values: one sentence each, in the order of the parameter list', () => {
    const result = apply('status=401&algorithm=rot13&schemes=digest');
    expect(!result.ok && result.message).toBe(
      'status: "401" is not a refusal status; use 403 or 404. ' +
        'algorithm: "rot13" is not a Digest algorithm; use MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256 or SHA-512-256-sess, comma-separated.',
    );
  });
});
