import { applyOverrides } from '@/lib/sandbox/scenario/overrides';
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

  test.each([
    ['realm=a%0d%0aX-Injected:%201', 'origin.realm'],
    ['algorithm=SHA-512', 'algorithms'],
    ['qop=auth-conf', 'qop'],
    ['status=500', 'forbiddenStatus'],
    ['user=a:b', 'must not contain ":"'],
    ['schemes=ntlm', 'schemes: "ntlm"'],
    ['proxy=kerberos', 'proxy: must be none, basic or digest'],
    ['nonce_lifetime=-5', 'nonceLifetimeSeconds'],
  ])('%s is refused with a message naming %s', (query, fragment) => {
    const result = apply(query.startsWith('algorithm') || query.startsWith('qop') || query.startsWith('nonce') ? `schemes=digest&${query}` : query);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(fragment);
  });
});
