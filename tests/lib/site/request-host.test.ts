// lib/site/request-host.ts: which Host fields the lab believes when it writes its own address out.
import { hostFieldSchema, hostOrigin } from '@/lib/site/request-host';

describe('hostFieldSchema', () => {
  test.each(['lab.example.edu', 'lab.example.edu:8443', 'localhost:3000', '127.0.0.1:8080', '[::1]:3000', 'LAB.Example.EDU.', 'a-b.c'])(
    '%s is a host[:port]',
    (host) => {
      expect(hostFieldSchema.safeParse(host).success).toBe(true);
    },
  );

  test.each([
    ['a quote', 'a"b'],
    ['a path', 'evil.example/x'],
    ['a query', 'evil.example?x'],
    ['user info', 'evil.example@lab.test'],
    ['whitespace', 'lab.test evil.example'],
    ['a line break', 'lab.test\r\nX-Injected: 1'],
    ['a port out of range', 'lab.test:65536'],
    ['two ports', 'lab.test:80:80'],
    ['an empty field', ''],
    ['a label starting with a hyphen', '-lab.test'],
  ])('%s is not', (_label, host) => {
    expect(hostFieldSchema.safeParse(host).success).toBe(false);
  });
});

test('hostOrigin: the origin a sane Host names, nothing for any other or none', () => {
  expect(hostOrigin('https:', 'lab.example.edu:8443')?.origin).toBe('https://lab.example.edu:8443');
  expect(hostOrigin('http:', 'evil.example/x')).toBeUndefined();
  expect(hostOrigin('http:', null)).toBeUndefined();
});
