import { normaliseAddress, rateLimitKey } from '@/lib/sandbox/edge/client-address';
import { arrivedOverHttps, clientAddress, NO_TRUSTED_PROXIES, trustedProxiesFromEnvironment, type TrustedProxies } from '@/lib/sandbox/edge/forwarded';

function trust(value: string): TrustedProxies {
  const result = trustedProxiesFromEnvironment(value);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('client addresses', () => {
  test.each([
    ['127.0.0.1', '127.0.0.1'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:192.0.2.9', '192.0.2.9'],
    ['::ffff:c000:209', '192.0.2.9'],
    ['::1', '0:0:0:0:0:0:0:1'],
    ['2001:DB8::1', '2001:db8:0:0:0:0:0:1'],
    ['2001:db8:0:0:1::', '2001:db8:0:0:1:0:0:0'],
    ['fe80::1%eth0', 'fe80:0:0:0:0:0:0:1'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0:0:0:c000:221'],
    ['unknown', undefined],
    ['', undefined],
    ['192.0.2.1:8080', undefined],
  ])('%j normalises to %j', (address, expected) => {
    expect(normaliseAddress(address)).toBe(expected);
  });

  test('IPv4 is counted per address, IPv6 per /64: one host cannot escape its bucket by changing its interface ID', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('203.0.113.7');
    const a = rateLimitKey(normaliseAddress('2001:db8:aa:bb:1234:5678:9abc:def0') ?? '');
    const b = rateLimitKey(normaliseAddress('2001:db8:aa:bb::1') ?? '');
    expect(a).toBe('2001:db8:aa:bb::/64');
    expect(b).toBe(a);
    expect(rateLimitKey(normaliseAddress('2001:db8:aa:bc::1') ?? '')).not.toBe(a);
  });
});

describe('TRUST_PROXY', () => {
  test('unset or empty trusts nobody', () => {
    expect(trustedProxiesFromEnvironment(undefined)).toEqual({ ok: true, value: NO_TRUSTED_PROXIES });
    expect(trust(' ').any).toBe(false);
  });

  test('loopback, addresses and CIDR ranges', () => {
    const proxies = trust('loopback, 192.0.2.7,10.0.0.0/8, fd00::/8');
    expect(['127.0.0.1', '127.1.2.3', '0:0:0:0:0:0:0:1', '192.0.2.7', '10.200.0.1', 'fd12:0:0:0:0:0:0:1'].map((a) => proxies.trusts(a))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['192.0.2.8', '11.0.0.1', 'fe80:0:0:0:0:0:0:1', '203.0.113.1'].map((a) => proxies.trusts(a))).toEqual([false, false, false, false]);
  });

  test.each(['localhost', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/8/8', 'fd00::/129', '10.0.0.0/x', 'nginx:80'])(
    '%j stops start-up with a clear message',
    (value) => {
      expect(trustedProxiesFromEnvironment(value)).toEqual({
        ok: false,
        error: expect.stringMatching(/^TRUST_PROXY: ".*" is not an IP address, a CIDR range such as 10\.0\.0\.0\/8, or "loopback"/),
      });
    },
  );
});

describe('X-Forwarded-For: the right-most address that is not a trusted proxy', () => {
  const proxies = trust('loopback,10.0.0.0/8');
  const xff = (...values: string[]) => values.flatMap((value) => ['X-Forwarded-For', value]);

  test.each<[string, string, string[], string]>([
    ['no trusted proxies: the peer, whatever the field says', '203.0.113.5', xff('198.51.100.1'), '203.0.113.5'],
    ['an untrusted peer cannot name another client', '203.0.113.5', xff('198.51.100.1'), '203.0.113.5'],
    ['nginx on loopback appended the client', '127.0.0.1', xff('198.51.100.1'), '198.51.100.1'],
    ['a client-written address left of the real one is ignored', '127.0.0.1', xff('6.6.6.6, 198.51.100.1'), '198.51.100.1'],
    ['two of our proxies: skip both', '127.0.0.1', xff('198.51.100.1, 10.1.2.3'), '198.51.100.1'],
    ['several field lines are one list', '127.0.0.1', [...xff('6.6.6.6'), 'Accept', '*/*', ...xff('198.51.100.1, 10.1.2.3')], '198.51.100.1'],
    ['ports and brackets', '127.0.0.1', xff('[2001:db8::7]:4711, 198.51.100.1:1234'), '198.51.100.1'],
    ['IPv6 client', '127.0.0.1', xff('2001:db8::7'), '2001:db8:0:0:0:0:0:7'],
    ['only our own proxies: the left-most', '127.0.0.1', xff('10.0.0.9, 10.1.2.3'), '10.0.0.9'],
    ['no field: the proxy itself (limits more, never less)', '127.0.0.1', [], '127.0.0.1'],
    ['garbage where our proxy should have written: the last trusted hop', '127.0.0.1', xff('198.51.100.1, unknown, 10.1.2.3'), '10.1.2.3'],
    ['field name in any case', '127.0.0.1', ['x-forwarded-FOR', '198.51.100.1'], '198.51.100.1'],
  ])('%s', (name, peer, raw, expected) => {
    expect(clientAddress(peer, raw, name.startsWith('no trusted') ? NO_TRUSTED_PROXIES : proxies)).toBe(expected);
  });
});

describe('X-Forwarded-Proto: HTTPS only on a TLS socket or a trusted proxy’s word', () => {
  const proxies = trust('loopback');
  test.each<[string, boolean, string, string[], boolean]>([
    ['TLS socket', true, '203.0.113.5', [], true],
    ['trusted proxy says https', false, '127.0.0.1', ['X-Forwarded-Proto', 'https'], true],
    ['trusted proxy says HTTPS', false, '127.0.0.1', ['x-forwarded-proto', 'HTTPS'], true],
    ['trusted proxy says http', false, '127.0.0.1', ['X-Forwarded-Proto', 'http'], false],
    ['trusted proxy says nothing', false, '127.0.0.1', [], false],
    ['the right-most value is the proxy’s own', false, '127.0.0.1', ['X-Forwarded-Proto', 'https, http'], false],
    ['an untrusted peer claiming https', false, '203.0.113.5', ['X-Forwarded-Proto', 'https'], false],
  ])('%s', (_name, encrypted, peer, raw, expected) => {
    expect(arrivedOverHttps(encrypted, peer, raw, proxies)).toBe(expected);
  });
});
