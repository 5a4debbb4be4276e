import { DEFAULT_SANDBOX_RATE_LIMIT, rateLimitFromEnvironment } from '@/lib/sandbox/edge/rate-limit-setting';

describe('SANDBOX_RATE_LIMIT', () => {
  test.each([
    [undefined, { kind: 'on', policy: { requests: 1200, seconds: 60, burst: 300 }, text: DEFAULT_SANDBOX_RATE_LIMIT }],
    ['', { kind: 'on', policy: { requests: 1200, seconds: 60, burst: 300 }, text: DEFAULT_SANDBOX_RATE_LIMIT }],
    ['off', { kind: 'off' }],
    [' off ', { kind: 'off' }],
    ['600/60s', { kind: 'on', policy: { requests: 600, seconds: 60, burst: 600 }, text: '600/60s' }],
    ['2/4s,burst=2', { kind: 'on', policy: { requests: 2, seconds: 4, burst: 2 }, text: '2/4s,burst=2' }],
    ['1000000/1s,burst=1000000', { kind: 'on', policy: { requests: 1_000_000, seconds: 1, burst: 1_000_000 }, text: '1000000/1s,burst=1000000' }],
  ])('%j is accepted', (value, expected) => {
    expect(rateLimitFromEnvironment(value)).toEqual({ ok: true, value: expected });
  });

  test.each([
    'OFF',
    'none',
    '600',
    '600/60',
    '600/1m',
    '600 / 60s',
    '0/60s',
    '600/0s',
    '600/60s,burst=0',
    '600/60s burst=10',
    '600/60s,burst=',
    '1000001/1s',
    '1/86401s',
    '-1/60s',
    '1.5/60s',
  ])('%j stops start-up with a message that names the variable and the syntax', (value) => {
    const result = rateLimitFromEnvironment(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^SANDBOX_RATE_LIMIT must be "off" or "<requests>\/<seconds>s" with an optional ",burst=<n>"/);
    expect(!result.ok && result.error).toContain(JSON.stringify(value));
  });
});
