// Security review, credentials never logged: a production server of its own (server.ts, as `npm start`
// runs it) with its stdout and stderr captured, then requests carrying every kind of credential the lab
// knows (Basic, Digest, Bearer, Proxy-Authorization, token-endpoint form fields, a client profile's
// password in /api/exchange, a password override in the query) on every path that could make the
// server log: success, refusal, malformed credentials, oversized heads and bodies, unparseable bytes,
// a refused Host or Expect, and Next's pages. Afterwards none of the secrets, in any encoding, is in
// the output; the start-up line is, so the capture itself is proven to work.
import { answerDigestChallenge, formatCredentials, parseChallenges } from '@/lib/http-auth';
import { startLab } from './support/lab-server.mjs';
import { sendBytes } from './support/raw-http';

jest.setTimeout(120_000);

const SANDBOX_SECRET = 'credential-logging-test-secret-0123456789';
const BASIC_PASSWORD = 'Basic-Pa55word-4f1c';
const DIGEST_PASSWORD = 'Digest-Pa55word-9b2e';
const PROXY_PASSWORD = 'Proxy-Pa55word-77ad';
const FORM_SECRET = 'Form-Client-Secret-c0de';
const PROFILE_PASSWORD = 'Profile-Pa55word-5e5e';
const FAKE_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYWxsb3J5In0.Fake-Bearer-Token-Signature-a11ce';

const base64 = (text: string) => Buffer.from(text).toString('base64');
const basic = (user: string, password: string) => `Basic ${base64(`${user}:${password}`)}`;

let server: Awaited<ReturnType<typeof startLab>>;
/** Every secret sent, and each encoding it travelled in; collected as the requests are made. */
const secrets = new Set<string>([SANDBOX_SECRET, BASIC_PASSWORD, DIGEST_PASSWORD, PROXY_PASSWORD, FORM_SECRET, PROFILE_PASSWORD, FAKE_TOKEN]);
const remember = (...values: string[]) => values.forEach((value) => secrets.add(value));

/** Sends bytes as they are on a fresh connection; resolves with the status once the server closes it. */
const raw = async (bytes: string): Promise<number> => (await sendBytes(server.baseUrl, bytes)).status;

const head = (requestLine: string, fields: string[]) =>
  [requestLine, `Host: ${new URL(server.baseUrl).host}`, 'Connection: close', ...fields, '', ''].join('\r\n');

async function get(path: string, headers: Record<string, string> = {}, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${server.baseUrl}${path}`, { ...init, headers }).catch((error: Error) => {
    throw new Error(`GET ${path} failed: ${String(error.cause ?? error)}`);
  });
  await response.arrayBuffer();
  return response;
}

beforeAll(async () => {
  server = await startLab({ SANDBOX_SECRET }, { captureOutput: true });
});

afterAll(() => server.stop());

describe('credentials never reach the server log', () => {
  test('Basic, Digest, Bearer and proxy credentials, right and wrong', async () => {
    const aliceBasic = basic('alice', 'wonderland');
    const wrongBasic = basic('alice', BASIC_PASSWORD);
    remember(aliceBasic, wrongBasic, base64(`alice:${BASIC_PASSWORD}`));
    expect((await get('/api/sandbox/basic', { Authorization: wrongBasic })).status).toBe(401);
    // A password set by query override, then sent right: 200.
    const custom = basic('carol', BASIC_PASSWORD);
    remember(custom, base64(`carol:${BASIC_PASSWORD}`));
    expect((await get(`/api/sandbox/basic?user=carol&password=${BASIC_PASSWORD}`, { Authorization: custom })).status).toBe(200);

    const challenge = await fetch(`${server.baseUrl}/api/sandbox/digest?password=${DIGEST_PASSWORD}`);
    const parsed = parseChallenges(challenge.headers.get('www-authenticate') ?? '');
    if (!parsed.ok || !parsed.value[0]) throw new Error('no Digest challenge');
    const answer = answerDigestChallenge({
      challenge: parsed.value[0],
      username: 'alice',
      password: DIGEST_PASSWORD,
      method: 'GET',
      uri: `/api/sandbox/digest?password=${DIGEST_PASSWORD}`,
    });
    if (!answer.ok) throw new Error(answer.error.message);
    const digest = formatCredentials(answer.value.credentials);
    remember(digest, answer.value.exchange.ha1);
    expect((await get(`/api/sandbox/digest?password=${DIGEST_PASSWORD}`, { Authorization: digest })).status).toBe(200);
    // The same credentials again with the same nc: a replay, refused.
    expect((await get(`/api/sandbox/digest?password=${DIGEST_PASSWORD}`, { Authorization: digest })).status).toBe(401);

    const issued = await fetch(`${server.baseUrl}/api/sandbox/token`, {
      method: 'POST',
      headers: { Authorization: aliceBasic, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&scope=read',
    });
    const { access_token: token } = (await issued.json()) as { access_token: string };
    remember(token, `Bearer ${token}`);
    expect((await get('/api/sandbox/bearer', { Authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await get('/api/sandbox/bearer?scope=write', { Authorization: `Bearer ${token}` })).status).toBe(403);
    expect((await get('/api/sandbox/bearer', { Authorization: `Bearer ${FAKE_TOKEN}` })).status).toBe(401);

    const proxy = basic('alice', PROXY_PASSWORD);
    remember(proxy, base64(`alice:${PROXY_PASSWORD}`));
    // fetch refuses to send Proxy-Authorization itself: these go as raw bytes.
    expect(
      await raw(head(`GET /api/sandbox/proxy?proxy_password=${PROXY_PASSWORD} HTTP/1.1`, [`Proxy-Authorization: ${proxy}`, `Authorization: ${aliceBasic}`])),
    ).toBe(200);
    expect(await raw(head('GET /api/sandbox/proxy HTTP/1.1', [`Proxy-Authorization: ${proxy}`]))).toBe(407);
  });

  test('the token endpoint and /api/exchange with secrets in their bodies', async () => {
    const form = `grant_type=client_credentials&client_id=alice&client_secret=${FORM_SECRET}`;
    const refused = await fetch(`${server.baseUrl}/api/sandbox/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(refused.status).toBe(401);
    const both = await fetch(`${server.baseUrl}/api/sandbox/token`, {
      method: 'POST',
      headers: { Authorization: basic('alice', FORM_SECRET), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(both.status).toBe(400);
    remember(basic('alice', FORM_SECRET));

    const description = {
      request: { method: 'GET', target: '/api/sandbox/proxy', headers: [['Authorization', basic('bob', BASIC_PASSWORD)]] },
      mode: 'auto',
      client: {
        origin: { kind: 'password', user: 'alice', password: PROFILE_PASSWORD },
        proxy: { kind: 'password', user: 'alice', password: PROFILE_PASSWORD },
      },
    };
    remember(basic('bob', BASIC_PASSWORD), basic('alice', PROFILE_PASSWORD));
    const exchange = await fetch(`${server.baseUrl}/api/exchange`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(description),
    });
    expect(exchange.status).toBe(200);
    // Invalid descriptions carrying the secrets: refused with a problem.
    const invalid = await fetch(`${server.baseUrl}/api/exchange`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...description, mode: PROFILE_PASSWORD }),
    });
    expect(invalid.status).toBe(400);
    expect(
      (
        await fetch(`${server.baseUrl}/api/exchange`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: `{"password":"${PROFILE_PASSWORD}"`,
        })
      ).status,
    ).toBe(400);
  });

  test('malformed, oversized and unreadable requests that carry credentials', async () => {
    const wrong = basic('alice', BASIC_PASSWORD);
    expect((await get('/api/sandbox/basic', { Authorization: `Basic !!${BASIC_PASSWORD}!!` })).status).toBe(400);
    expect((await get('/api/sandbox/digest', { Authorization: `Digest username="alice", response="${DIGEST_PASSWORD}` })).status).toBe(400);
    expect((await get('/api/sandbox/basic', { Authorization: `${wrong}, ${wrong}` })).status).toBe(400);
    // Headers too large for node:http (431, answered in clientError).
    expect((await get('/api/sandbox/basic', { Authorization: wrong, 'X-Padding': 'a'.repeat(20 * 1024) })).status).toBe(431);
    // A body too large for the sandbox (413).
    const huge = JSON.stringify({ request: { method: 'GET', target: '/api/sandbox/basic', headers: [['Authorization', wrong]], body: 'x'.repeat(70 * 1024) } });
    expect(
      (await fetch(`${server.baseUrl}/api/exchange`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: wrong }, body: huge }))
        .status,
    ).toBe(413);
    // Bytes node:http cannot parse (400 from clientError), a refused Host (400) and Expect (417).
    expect(await raw(head('GET /api/sandbox/basic HTTP/1.1', [`Authorization: ${wrong}`, 'Not a header line']))).toBe(400);
    expect(await raw(head('GET /api/sandbox/basic HTTP/1.1', [`Authorization: ${wrong}`, 'Host: second.example']))).toBe(400);
    expect(await raw(head('GET /api/sandbox/basic HTTP/1.1', [`Proxy-Authorization: ${wrong}`, 'Expect: teapot']))).toBe(417);
    expect(await raw(head('POST /api/exchange HTTP/1.1', [`Authorization: ${wrong}`, 'Content-Length: 5', 'Transfer-Encoding: chunked']))).toBe(400);
    // Absolute-form, as a client using the lab as its proxy would send it.
    expect(
      await raw(head(`GET http://user:${PROXY_PASSWORD}@lab.example/api/sandbox/basic HTTP/1.1`, [`Proxy-Authorization: ${basic('alice', PROXY_PASSWORD)}`])),
    ).toBe(401);
    remember(`user:${PROXY_PASSWORD}`);
  });

  test("Next's pages and routes, sent credentials, including bad paths and links", async () => {
    const wrong = basic('alice', BASIC_PASSWORD);
    for (const path of [
      '/',
      '/playground',
      '/lessons/no-such-lesson',
      '/%E0%A4%A',
      `/api/oembed?url=${encodeURIComponent('http://127.0.0.1/lessons/%E0%A4%A')}`,
      '/_next/no-such-file.js',
    ]) {
      const status = await raw(head(`GET ${path} HTTP/1.1`, [`Authorization: ${wrong}`, `Proxy-Authorization: ${wrong}`, `Cookie: session=${FAKE_TOKEN}`]));
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(500);
    }
  });

  test('afterwards: the log has the start-up line and not one of the secrets, in any encoding', async () => {
    // SIGTERM flushes whatever is left and logs the drain.
    await server.stop();
    const output = server.output();
    expect(output).toContain('HTTP Auth Lab ready on');
    const found = [...secrets].filter((secret) => output.includes(secret) || output.includes(encodeURIComponent(secret)));
    expect(found).toEqual([]);
    // Nor any credentials header, whatever its value.
    expect(output).not.toMatch(/authorization|client_secret|password/i);
  });
});
