// The public sandbox's rate limit and HSTS on the production server (server.ts), each with servers of
// its own: one with a tiny limit that trusts loopback as its proxy (so X-Forwarded-For can stand for
// other clients, as nginx would pass them on), and one that trusts another address only.
import { get, request } from '../../bench/support/sandbox-client.mjs';
import { startLab } from './support/lab-server.mjs';

jest.setTimeout(120_000);

const SANDBOX_SECRET = 'rate-limit-test-secret-at-least-32-chars';
/** Two requests at once, then one every two seconds. */
const TINY_LIMIT = '2/4s,burst=2';
const HSTS = 'max-age=63072000; includeSubDomains';

type Answer = { status: number; headers: [string, string][]; body: string };
type Server = Awaited<ReturnType<typeof startLab>>;

const field = (answer: Answer, name: string) => answer.headers.filter(([field]) => field.toLowerCase() === name.toLowerCase()).map(([, value]) => value);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let behindProxy: Server | undefined;
let untrustedPeer: Server | undefined;

beforeAll(async () => {
  behindProxy = await startLab({ SANDBOX_SECRET, SANDBOX_RATE_LIMIT: TINY_LIMIT, TRUST_PROXY: 'loopback' });
  untrustedPeer = await startLab({ SANDBOX_SECRET, SANDBOX_RATE_LIMIT: 'off', TRUST_PROXY: '192.0.2.1' });
});

afterAll(() => Promise.all([behindProxy?.stop(), untrustedPeer?.stop()]));

function at(server: Server | undefined, path: string): URL {
  if (!server) throw new Error('the server did not start');
  return new URL(path, server.baseUrl);
}

/** A request from `client`, as nginx on loopback would pass it on. */
const from = (client: string, headers: Record<string, string> = {}) => ({ 'X-Forwarded-For': client, ...headers });

describe('rate limit (SANDBOX_RATE_LIMIT=2/4s,burst=2, TRUST_PROXY=loopback)', () => {
  test('past the burst: 429 with Retry-After and a problem body a cross-origin script can read; after waiting, served again', async () => {
    const client = from('198.51.100.10', { Origin: 'https://trainer.example' });
    const url = at(behindProxy, '/api/sandbox/basic');
    expect((await get(url, client)).status).toBe(401);
    expect((await get(url, client)).status).toBe(401);
    const refused: Answer = await get(url, client);
    expect(refused.status).toBe(429);
    const retryAfter = Number(field(refused, 'Retry-After')[0]);
    // A token every 2 s; less if the machine took a while between the requests.
    expect([1, 2]).toContain(retryAfter);
    expect(field(refused, 'Content-Type')).toEqual(['application/problem+json']);
    expect(field(refused, 'Cache-Control')).toEqual(['no-store']);
    expect(field(refused, 'WWW-Authenticate')).toEqual([]);
    expect(field(refused, 'Access-Control-Allow-Origin')).toEqual(['*']);
    expect(field(refused, 'Access-Control-Expose-Headers')[0]).toMatch(/\bRetry-After\b/);
    const problem = JSON.parse(refused.body) as { status: number; title: string; detail: string };
    expect(problem).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(problem.detail).toContain('198.51.100.10 has used that up');
    expect(problem.detail).toContain(`retry in ${retryAfter} s`);

    // Not counted, not refused: preflights and pages.
    const preflight: Answer = await request(url, {
      method: 'OPTIONS',
      headers: from('198.51.100.10', {
        Origin: 'https://trainer.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      }),
    });
    expect(preflight.status).toBe(204);
    expect((await get(at(behindProxy, '/'), client)).status).toBe(200);
    // Another client is unaffected.
    expect((await get(url, from('198.51.100.11'))).status).toBe(401);

    await sleep(retryAfter * 1000);
    expect((await get(url, client)).status).toBe(401);
  });

  test('/api/exchange is limited too, its 429 readable cross-origin like its other answers', async () => {
    const send = (): Promise<Answer> =>
      request(at(behindProxy, '/api/exchange'), {
        method: 'POST',
        headers: from('198.51.100.20', { 'Content-Type': 'application/json' }),
        body: JSON.stringify({ request: { method: 'GET', target: '/api/sandbox/basic' }, mode: 'manual' }),
      });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(field(refused, 'Retry-After')).toHaveLength(1);
    expect(field(refused, 'Access-Control-Allow-Origin')).toEqual(['*']);
  });

  test('IPv6 clients of one /64 share a bucket', async () => {
    const url = at(behindProxy, '/api/sandbox/bearer');
    expect((await get(url, from('2001:db8:7:7::1'))).status).toBe(401);
    expect((await get(url, from('2001:db8:7:7::2'))).status).toBe(401);
    const refused: Answer = await get(url, from('2001:db8:7:7:abcd::3'));
    expect(refused.status).toBe(429);
    expect(refused.body).toContain('2001:db8:7:7::/64 has used that up');
    expect((await get(url, from('2001:db8:7:8::1'))).status).toBe(401);
  });
});

describe('HSTS (RFC 6797): only for requests that arrived over HTTPS', () => {
  test.each([
    ['a sandbox 401', '/api/sandbox/basic?realm=hsts'],
    ['the prepared bare 401', '/api/sandbox/basic'],
    ['a page Next renders', '/lessons'],
    ['the API page', '/api'],
  ])('%s: sent when the trusted proxy says https, not when it says http or nothing', async (_name, path) => {
    const client = (n: number) => `198.51.100.${100 + n}`;
    const https: Answer = await get(at(behindProxy, path), from(client(1), { 'X-Forwarded-Proto': 'https' }));
    expect(field(https, 'Strict-Transport-Security')).toEqual([HSTS]);
    const http: Answer = await get(at(behindProxy, path), from(client(2), { 'X-Forwarded-Proto': 'http' }));
    expect(field(http, 'Strict-Transport-Security')).toEqual([]);
    const plain: Answer = await get(at(behindProxy, path), from(client(3)));
    expect(field(plain, 'Strict-Transport-Security')).toEqual([]);
  });

  test('a static asset Next serves gets it too', async () => {
    const page: Answer = await get(at(behindProxy, '/'), from('198.51.100.120'));
    const asset = /\/_next\/static\/[^"']+\.(?:css|js)/.exec(page.body)?.[0];
    expect(asset).toBeDefined();
    const answer: Answer = await get(at(behindProxy, asset ?? '/'), from('198.51.100.120', { 'X-Forwarded-Proto': 'https' }));
    expect(answer.status).toBe(200);
    expect(field(answer, 'Strict-Transport-Security')).toEqual([HSTS]);
  });

  test('a 429 to an https request carries it, beside its Retry-After', async () => {
    const url = at(behindProxy, '/api/sandbox/digest');
    const headers = from('198.51.100.130', { 'X-Forwarded-Proto': 'https' });
    await get(url, headers);
    await get(url, headers);
    const refused: Answer = await get(url, headers);
    expect(refused.status).toBe(429);
    expect(field(refused, 'Strict-Transport-Security')).toEqual([HSTS]);
  });

  test.each(['/api/sandbox/basic', '/lessons'])('%s: an untrusted peer claiming https gets none', async (path) => {
    const answer: Answer = await get(at(untrustedPeer, path), { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '192.0.2.1' });
    expect(answer.status).toBeLessThan(500);
    expect(field(answer, 'Strict-Transport-Security')).toEqual([]);
  });

  test('repeated challenge lines stay separate lines when HSTS is added', async () => {
    const answer: Answer = await get(at(behindProxy, '/api/sandbox/presets/several-challenges'), from('198.51.100.140', { 'X-Forwarded-Proto': 'https' }));
    expect(answer.status).toBe(401);
    expect(field(answer, 'WWW-Authenticate').length).toBeGreaterThan(1);
    expect(field(answer, 'Strict-Transport-Security')).toEqual([HSTS]);
  });
});
