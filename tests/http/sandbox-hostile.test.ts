// Hostile and malformed requests against the production server (server.ts): every one must get a 4xx
// with an RFC 9457 problem body whose `status` is the real status, never a 5xx, a hang or a dropped
// connection, and the server must go on answering normal requests afterwards.
import { sendBytes } from './support/raw-http';
import { baseUrl } from './support/lab';

type Header = [name: string, value: string];
type Answer = { status: number; headers: Header[]; body: string; raw: string };

const ALICE_BASIC = 'Basic YWxpY2U6d29uZGVybGFuZA==';
const url = (path: string) => `${baseUrl()}${path}`;

/** Sends bytes as they are on a fresh connection and reads the whole answer; a hang fails after 5 s. */
async function rawRequest(bytes: Buffer): Promise<Answer> {
  const { status, headLines, body, raw } = await sendBytes(baseUrl(), bytes);
  const headers = headLines.map((line): Header => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon), line.slice(colon + 1).trim()];
  });
  return { status, headers, body, raw };
}

/** A request head (and optional body) with Connection: close, so the server ends the connection. */
function message(requestLine: string, fields: string[], body = ''): Buffer {
  const { host } = new URL(baseUrl());
  return Buffer.from([requestLine, `Host: ${host}`, 'Connection: close', ...fields, '', body].join('\r\n'), 'latin1');
}

async function viaFetch(path: string, init?: RequestInit): Promise<Answer> {
  const response = await fetch(url(path), init);
  const headers: Header[] = [];
  response.headers.forEach((value, name) => headers.push([name, value]));
  const body = await response.text();
  return { status: response.status, headers, body, raw: '' };
}

const headerValues = (answer: Answer, name: string) => answer.headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);

/** 4xx, problem+json, and a JSON body whose status is the status sent (RFC 9457 §3.1.2). */
function expectProblem(answer: Answer, status?: number | number[]): Record<string, unknown> {
  const allowed = status === undefined ? undefined : [status].flat();
  if (allowed) expect(allowed).toContain(answer.status);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  expect(headerValues(answer, 'Content-Type')).toEqual([expect.stringMatching(/^application\/problem\+json\b/)]);
  const problem = JSON.parse(answer.body) as Record<string, unknown>;
  expect(problem.status).toBe(answer.status);
  expect(problem.title).toEqual(expect.any(String));
  expect(problem.detail).toEqual(expect.any(String));
  // RFC 9110 §15.5.2: a 401 always carries a challenge.
  if (answer.status === 401) expect(headerValues(answer, 'WWW-Authenticate').length).toBeGreaterThan(0);
  return problem;
}

// The server must still work after each hostile request: alice gets in.
afterEach(async () => {
  const response = await fetch(url('/api/sandbox/basic'), { headers: { Authorization: ALICE_BASIC } });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ user: 'alice' });
});

/** base64 of raw bytes: credentials that are valid base64 but not UTF-8. */
const base64 = (bytes: number[]) => Buffer.from(bytes).toString('base64');

describe('garbage Authorization values', () => {
  test.each([
    // Not the credentials grammar at all (RFC 9110 §11.4): 400.
    ['"Basic !!!"', 'basic', 'Basic !!!', 400],
    ['"Digest username="', 'digest', 'Digest username=', 400],
    ['"Bearer a b"', 'bearer', 'Bearer a b', 400],
    // Grammatical, but not usable credentials: refused with 400 or a fresh challenge.
    ['"Basic" alone', 'basic', 'Basic', [400, 401]],
    ['base64 of non-UTF-8 bytes in the password', 'basic', `Basic ${base64([0x61, 0x6c, 0x69, 0x63, 0x65, 0x3a, 0xff, 0xfe, 0xc3])}`, [400, 401]],
    ['base64 of a non-UTF-8 user-id', 'basic', `Basic ${base64([0xff, ...Buffer.from('alice:wonderland')])}`, [400, 401]],
    ['a 10 KB Basic token68', 'basic', `Basic ${'A'.repeat(10 * 1024)}`, [400, 401]],
    ['a 10 KB Bearer token', 'bearer', `Bearer ${'a'.repeat(10 * 1024)}`, 401],
    ['a 10 KB Digest username', 'digest', `Digest username="${'x'.repeat(10 * 1024)}"`, [400, 401]],
  ])('Authorization: %s on /api/sandbox/%s', async (_label, endpoint, authorization, status) => {
    const answer = await viaFetch(`/api/sandbox/${endpoint}`, { headers: { Authorization: authorization } });
    expectProblem(answer, status);
  });

  test('RFC 9112 §3.2: an HTTP/1.1 request without Host, or with two, is a 400 problem; HTTP/1.0 may omit it', async () => {
    const withoutHost = (requestLine: string) => Buffer.from(`${requestLine}\r\nConnection: close\r\n\r\n`, 'latin1');
    expect(expectProblem(await rawRequest(withoutHost('GET /api/sandbox/basic HTTP/1.1')), 400).detail).toMatch(/must carry a Host field/);
    // message() writes one Host already: this is the second.
    expect(expectProblem(await rawRequest(message('GET /api/sandbox/basic HTTP/1.1', ['Host: b.example'])), 400).detail).toMatch(/2 Host fields/);
    // The rule covers the site's pages too, not only the sandbox.
    expectProblem(await rawRequest(withoutHost('GET /lessons HTTP/1.1')), 400);
    expect((await rawRequest(withoutHost('GET /api/sandbox/basic HTTP/1.0'))).status).toBe(401);
  });

  test('an Expect other than 100-continue: 417 with a problem body (RFC 9110 §10.1.1)', async () => {
    expect(expectProblem(await rawRequest(message('GET /api/sandbox/basic HTTP/1.1', ['Expect: teapot'])), 417).detail).toMatch(/100-continue/);
  });

  test('two Authorization fields: 400, "send exactly one"', async () => {
    const answer = await rawRequest(message('GET /api/sandbox/basic HTTP/1.1', [`Authorization: ${ALICE_BASIC}`, 'Authorization: Basic Ym9iOmJ1aWxkZXI=']));
    expectProblem(answer, 400);
  });

  test('raw non-UTF-8 bytes in the Authorization field itself: a 4xx problem', async () => {
    const answer = await rawRequest(message('GET /api/sandbox/basic HTTP/1.1', ['Authorization: Basic \xff\xfe\xe9']));
    expectProblem(answer, [400, 401]);
  });

  test('a NUL byte in a field value is refused by the parser with a problem body', async () => {
    const answer = await rawRequest(message('GET /api/sandbox/basic HTTP/1.1', ['Authorization: Basic a\x00b']));
    expectProblem(answer, 400);
  });
});

describe('oversized requests', () => {
  test('a 100 KB header: 431 from node:http, and the server lives on', async () => {
    const answer = await viaFetch('/api/sandbox/basic', { headers: { 'X-Padding': 'a'.repeat(100 * 1024) } });
    expectProblem(answer, 431);
  });

  test('a request-target over 4096 characters: 414', async () => {
    const answer = await rawRequest(message(`GET /api/sandbox/basic?pad=${'a'.repeat(5000)} HTTP/1.1`, []));
    expectProblem(answer, 414);
  });
});

describe('POST /api/exchange with bad input', () => {
  const post = (body: string, contentType = 'application/json') =>
    viaFetch('/api/exchange', { method: 'POST', headers: { 'Content-Type': contentType }, body });
  const description = (target: string) => JSON.stringify({ request: { method: 'GET', target } });

  test('invalid JSON: 400', async () => {
    expectProblem(await post('{"request": {'), 400);
  });

  test('the wrong content type: 415', async () => {
    expectProblem(await post(description('/api/sandbox/basic'), 'text/plain'), 415);
  });

  test('a body over 64 KiB (Content-Length): 413', async () => {
    const huge = JSON.stringify({ request: { method: 'GET', target: '/api/sandbox/basic', body: 'x'.repeat(100 * 1024) } });
    expectProblem(await post(huge), 413);
  });

  test('a body over 64 KiB sent chunked (no Content-Length): 413', async () => {
    const chunk = 'x'.repeat(70 * 1024);
    const body = `${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`;
    const answer = await rawRequest(message('POST /api/exchange HTTP/1.1', ['Content-Type: application/json', 'Transfer-Encoding: chunked'], body));
    expectProblem(answer, 413);
  });

  test('JSON that does not fit the schema: 400 naming each issue', async () => {
    const problem = expectProblem(await post(JSON.stringify({ request: { method: 'get', headers: [['X-A', 'b\r\nX-Injected: 1']] } })), 400);
    const paths = (problem.issues as { path: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['request.method', 'request.target']));
    expect(paths.some((path) => path.startsWith('request.headers'))).toBe(true);
  });

  test.each(['http://169.254.169.254/', '/etc/passwd', '/api/exchange', '//evil.example/api/sandbox/basic', '/api/sandboxed'])(
    'a target outside /api/sandbox/ (%s): 400',
    async (target) => {
      const problem = expectProblem(await post(description(target)), 400);
      expect(String(problem.detail)).toContain('/api/sandbox/');
    },
  );

  test('dot segments do not climb out of the sandbox: /api/sandbox/../exchange is a sandbox 404', async () => {
    const answer = await post(description('/api/sandbox/../exchange'));
    expect(answer.status).toBe(200);
    const transcript = JSON.parse(answer.body) as { steps: { response: { status: number; body: string } }[] };
    expect(transcript.steps).toHaveLength(1);
    expect(transcript.steps[0]?.response.status).toBe(404);
    expect(transcript.steps[0]?.response.body).toContain('No sandbox endpoint');
  });
});

describe('bad URLs and overrides', () => {
  test('an unknown preset: 404 problem', async () => {
    expectProblem(await viaFetch('/api/sandbox/presets/no-such-preset'), 404);
  });

  test('CR/LF in a realm override: 400, and nothing is injected into the response head', async () => {
    const answer = await rawRequest(message('GET /api/sandbox/basic?realm=a%0d%0aX-Injected:%201 HTTP/1.1', []));
    expectProblem(answer, 400);
    expect(headerValues(answer, 'X-Injected')).toEqual([]);
    expect(answer.raw.slice(0, answer.raw.indexOf('\r\n\r\n'))).not.toMatch(/X-Injected/i);
  });

  test('algorithm=SHA-512 is refused (not registered, RFC 7616 §3.3); SHA-512-256 is offered', async () => {
    const problem = expectProblem(await viaFetch('/api/sandbox/digest?algorithm=SHA-512'), 400);
    expect(String(problem.detail)).toContain('SHA-512-256');
    const registered = await viaFetch('/api/sandbox/digest?algorithm=SHA-512-256');
    expectProblem(registered, 401);
    expect(headerValues(registered, 'WWW-Authenticate')[0]).toContain('algorithm=SHA-512-256');
  });

  test('an unknown method (BREW) is a 4xx problem, not a 5xx', async () => {
    const answer = await rawRequest(message('BREW /api/sandbox/basic HTTP/1.1', []));
    expectProblem(answer, [400, 401, 405]);
  });

  test('an uncommon but known method (PROPFIND) gets the 401 challenge like any other', async () => {
    const answer = await rawRequest(message('PROPFIND /api/sandbox/basic HTTP/1.1', []));
    expectProblem(answer, 401);
    expect(headerValues(answer, 'WWW-Authenticate')).toEqual(['Basic realm="reports", charset="UTF-8"']);
  });

  test('Content-Length together with Transfer-Encoding (request smuggling shape): 400', async () => {
    const answer = await rawRequest(
      message('POST /api/exchange HTTP/1.1', ['Content-Type: application/json', 'Content-Length: 5', 'Transfer-Encoding: chunked'], '0\r\n\r\n'),
    );
    expectProblem(answer, 400);
  });

  test('bytes that are not HTTP at all (a TLS ClientHello): 400 problem', async () => {
    const answer = await rawRequest(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03, 0x0d, 0x0a, 0x0d, 0x0a]));
    expectProblem(answer, 400);
  });

  // Once a bug: "OPTIONS *" (asterisk-form, RFC 9112 §3.2.4) went to Next's request handler, which
  // threw "TypeError: Invalid URL" (input "*") and answered 500 text/plain.
  test('OPTIONS * (asterisk-form) is 204 with Allow, not a 5xx', async () => {
    const answer = await rawRequest(message('OPTIONS * HTTP/1.1', []));
    expect(answer.status).toBe(204);
    expect(answer.headers.find(([name]) => name.toLowerCase() === 'allow')?.[1]).toMatch(/GET/);
  });

  // Found by the fuzz test: an absolute-form target whose authority does not parse was served as "/".
  test.each(['https://[:::]/api/sandbox/basic', 'http://[bad/lessons', 'http://exa%mple/', 'http://a:99999/'])(
    'an absolute-form target that is not a URI (%s): 400 problem, not another page',
    async (target) => {
      const answer = await rawRequest(message(`GET ${target} HTTP/1.1`, []));
      expect(expectProblem(answer, 400).detail).toMatch(/absolute-form but is not a valid URI/);
    },
  );
});
