import { firstHeader } from '@/lib/sandbox/message';
import { trustedProxiesFromEnvironment, NO_TRUSTED_PROXIES, type TrustedProxies } from '@/lib/sandbox/edge/forwarded';
import { rateLimitGate } from '@/lib/sandbox/edge/rate-limit-gate';
import { rateLimitFromEnvironment } from '@/lib/sandbox/edge/rate-limit-setting';

function gate(limit: string, trusted: TrustedProxies = NO_TRUSTED_PROXIES) {
  const setting = rateLimitFromEnvironment(limit);
  if (!setting.ok) throw new Error(setting.error);
  let now = 0;
  const pass = rateLimitGate(setting.value, trusted, () => now);
  return {
    send: (request: { peer?: string; rawHeaders?: string[]; method?: string; pathname?: string } = {}) =>
      pass({ peer: '203.0.113.5', rawHeaders: [], method: 'GET', pathname: '/api/sandbox/basic', ...request }),
    wait: (ms: number) => void (now += ms),
  };
}

describe('the rate-limit gate in front of the sandbox', () => {
  test('the request past the burst gets 429 with Retry-After, CORS and a problem body that explains', () => {
    const { send } = gate('1/60s');
    expect(send()).toBeUndefined();
    const refusal = send();
    expect(refusal?.status).toBe(429);
    expect(firstHeader(refusal?.headers ?? [], 'Retry-After')).toBe('60');
    expect(firstHeader(refusal?.headers ?? [], 'Content-Type')).toBe('application/problem+json');
    expect(firstHeader(refusal?.headers ?? [], 'Cache-Control')).toBe('no-store');
    expect(firstHeader(refusal?.headers ?? [], 'Access-Control-Allow-Origin')).toBe('*');
    expect(firstHeader(refusal?.headers ?? [], 'Access-Control-Expose-Headers')).toMatch(/\bRetry-After\b/);
    const body = JSON.parse(refusal?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({ type: 'about:blank', title: 'Too Many Requests', status: 429, retryAfter: 60 });
    expect(body.detail).toMatch(/1 request per 60 s per client address, at most 1 at once, and 203\.0\.113\.5 has used that up; retry in 60 s/);
    expect(body.detail).toMatch(/says nothing about your credentials/);
  });

  test('waiting Retry-After seconds is enough', () => {
    const { send, wait } = gate('1/60s');
    send();
    const seconds = Number(firstHeader(send()?.headers ?? [], 'Retry-After'));
    wait(seconds * 1000 - 1);
    expect(send()?.status).toBe(429);
    wait(1);
    expect(send()).toBeUndefined();
  });

  test('/api/exchange counts too, and its 429 carries the CORS fields, like its other answers', () => {
    const { send } = gate('1/60s');
    expect(send({ pathname: '/api/exchange', method: 'POST' })).toBeUndefined();
    const refusal = send({ pathname: '/api/exchange', method: 'POST' });
    expect(refusal?.status).toBe(429);
    expect(firstHeader(refusal?.headers ?? [], 'Access-Control-Allow-Origin')).toBe('*');
  });

  test('preflights are neither counted nor refused', () => {
    const { send } = gate('1/60s');
    for (let i = 0; i < 5; i++) expect(send({ method: 'OPTIONS' })).toBeUndefined();
    expect(send()).toBeUndefined();
    expect(send({ method: 'OPTIONS' })).toBeUndefined();
    expect(send()?.status).toBe(429);
  });

  test('off lets everything through', () => {
    const { send } = gate('off');
    for (let i = 0; i < 1000; i++) expect(send()).toBeUndefined();
  });

  test('behind a trusted proxy each forwarded client has its own bucket; without trust the field is ignored', () => {
    const loopback = trustedProxiesFromEnvironment('loopback');
    if (!loopback.ok) throw new Error(loopback.error);
    const behindNginx = gate('1/60s', loopback.value);
    const from = (client: string) => ({ peer: '127.0.0.1', rawHeaders: ['X-Forwarded-For', client] });
    expect(behindNginx.send(from('198.51.100.1'))).toBeUndefined();
    expect(behindNginx.send(from('198.51.100.1'))?.status).toBe(429);
    expect(behindNginx.send(from('198.51.100.2'))).toBeUndefined();
    // A client of the same /64 is the same client.
    expect(behindNginx.send(from('2001:db8:1:2::a'))).toBeUndefined();
    expect(behindNginx.send(from('2001:db8:1:2::b'))?.body).toMatch(/2001:db8:1:2::\/64 has used that up/);

    const direct = gate('1/60s');
    expect(direct.send({ peer: '203.0.113.5', rawHeaders: ['X-Forwarded-For', '198.51.100.1'] })).toBeUndefined();
    expect(direct.send({ peer: '203.0.113.5', rawHeaders: ['X-Forwarded-For', '198.51.100.2'] })?.status).toBe(429);
  });
});
