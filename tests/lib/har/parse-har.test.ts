import fs from 'node:fs';
import path from 'node:path';
import { parseHar, readRecording, type RecordingRead } from '@/lib/har';

// HAR 1.2 as recorders write it: the recorded fixtures (real Chromium through Playwright, Firefox's dialect
// written by hand), and small entries in the shapes mitmproxy, Charles and Safari use.

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/har', name), 'utf8');

function recording(read: RecordingRead) {
  if (read.kind !== 'recording') throw new Error(`unreadable: ${read.message}`);
  return read;
}

const har = (entries: unknown[], creator = 'test') => JSON.stringify({ log: { version: '1.2', creator: { name: creator, version: '1' }, entries } });
const entry = (overrides: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-12-06T16:00:00.000Z',
  time: 5,
  request: { method: 'GET', url: 'https://api.example/r', httpVersion: 'HTTP/1.1', headers: [], cookies: [], queryString: [], headersSize: -1, bodySize: -1 },
  response: {
    status: 200,
    statusText: 'OK',
    httpVersion: 'HTTP/1.1',
    headers: [],
    cookies: [],
    content: { size: -1, mimeType: 'text/plain' },
    redirectURL: '',
    headersSize: -1,
    bodySize: -1,
  },
  cache: {},
  timings: { send: 0, wait: 5, receive: 0 },
  ...overrides,
});

describe('parseHar on recorded fixtures', () => {
  test("Chromium's recording of the lab: every exchange, in order, repeated WWW-Authenticate kept as separate lines", () => {
    const read = recording(parseHar(fixture('chromium-lab.har')));
    expect(read.source).toMatchObject({ format: 'har', creator: 'Playwright' });
    expect(read.exchanges.map((e) => [e.request.method, new URL(e.request.url).pathname, e.response.status])).toEqual([
      ['GET', '/api/sandbox/basic', 401],
      ['GET', '/api/sandbox/basic', 200],
      ['GET', '/api/sandbox/digest', 401],
      ['GET', '/api/sandbox/digest', 200],
      ['GET', '/api/sandbox/bearer', 401],
      ['GET', '/start', 307],
      ['GET', '/api/sandbox/basic', 401],
    ]);
    const digest = read.exchanges[2];
    const challenges = digest?.response.headers.filter(([name]) => name.toLowerCase() === 'www-authenticate') ?? [];
    expect(challenges.length).toBeGreaterThan(1);
    expect(read.exchanges[5]?.response.redirectUrl).toMatch(/^http:\/\/localhost:\d+\/api\/sandbox\/basic$/);
    expect(read.exchanges[4]?.meta.resourceType).toBe('fetch');
    for (const e of read.exchanges) expect(e.startedAt).toEqual(expect.any(Number));
  });

  test('Chromium behind the lab as its proxy: the 407 the reader dismissed, with its Proxy-Authenticate', () => {
    const read = recording(parseHar(fixture('chromium-proxy.har')));
    expect(read.exchanges.map((e) => e.response.status)).toEqual([407, 401]);
    expect(read.exchanges[0]?.response.headers).toContainEqual(['Proxy-Authenticate', 'Basic realm="corp-proxy", charset="UTF-8"']);
  });

  test('real Firefox over WebDriver BiDi: its own answers to 401 are entries of their own; the challenge lines it joined are split again', () => {
    const read = recording(parseHar(fixture('firefox-bidi.har')));
    expect(read.source).toMatchObject({ creator: 'Firefox' });
    expect(read.exchanges.map((e) => [new URL(e.request.url).pathname, e.response.status])).toEqual([
      ['/api/sandbox/basic', 401],
      ['/api/sandbox/basic', 200],
      ['/api/sandbox/digest', 401],
      ['/api/sandbox/digest', 200],
      ['/api/sandbox/bearer', 401],
    ]);
    const digest = read.exchanges[2];
    // Firefox sent the Basic credentials of /api/sandbox/basic along to /api/sandbox/digest (RFC 7617 §2.2's reuse for the same path prefix).
    expect(digest?.request.headers.find(([name]) => name === 'Authorization')?.[1]).toMatch(/^Basic /);
    // Firefox joins the two WWW-Authenticate lines with a newline; they come back as the two lines the lab sent.
    expect(digest?.response.headers.filter(([name]) => name === 'WWW-Authenticate').map(([, value]) => /algorithm=([\w-]+)/.exec(value)?.[1])).toEqual([
      'SHA-256',
      'MD5',
    ]);
    expect(read.exchanges[0]?.request.httpVersion).toBe('HTTP/1.1');
  });

  test("Firefox's dialect, by hand: connection ids, -1 timings, postData with params and text, bodies as text", () => {
    const read = recording(parseHar(fixture('firefox-handwritten.har')));
    expect(read.source).toMatchObject({ creator: 'Firefox', browser: 'Firefox 153.8.0' });
    expect(read.exchanges.map((e) => e.request.method)).toEqual(['GET', 'OPTIONS', 'GET', 'POST', 'GET']);
    expect(read.exchanges[0]?.meta.connection).toBe('3000');
    expect(read.exchanges[0]?.startedAt).toBe(Date.parse('2026-12-06T16:24:10.012Z'));
    expect(read.exchanges[3]?.request.body).toEqual({
      kind: 'text',
      mimeType: 'application/x-www-form-urlencoded',
      text: 'grant_type=client_credentials&client_id=alice&client_secret=wonderland',
    });
    expect(read.exchanges[3]?.response.body).toMatchObject({ kind: 'text', mimeType: 'application/json' });
  });
});

describe('parseHar: what other recorders write', () => {
  test.each<[string, Record<string, unknown>, (read: ReturnType<typeof recording>) => void]>([
    [
      'HTTP/2 pseudo-header fields (Chromium, mitmproxy) are kept apart from the field lines',
      {
        request: {
          method: 'GET',
          url: 'https://api.example/r',
          httpVersion: 'h2',
          headers: [
            { name: ':authority', value: 'api.example' },
            { name: ':method', value: 'GET' },
            { name: 'authorization', value: 'Bearer abc' },
          ],
        },
      },
      (read) => {
        expect(read.exchanges[0]?.request.pseudoHeaders).toEqual([
          [':authority', 'api.example'],
          [':method', 'GET'],
        ]);
        expect(read.exchanges[0]?.request.headers).toEqual([['authorization', 'Bearer abc']]);
      },
    ],
    [
      'a base64 body (mitmproxy) is decoded when it is text; a binary one is left out with its size',
      {
        response: {
          status: 401,
          headers: [],
          content: { size: 16, mimeType: 'application/json', text: btoa('{"error":"x"}'), encoding: 'base64' },
        },
      },
      (read) => expect(read.exchanges[0]?.response.body).toEqual({ kind: 'text', mimeType: 'application/json', text: '{"error":"x"}' }),
    ],
    [
      'image bodies are not kept',
      { response: { status: 200, headers: [], content: { size: 3, mimeType: 'image/png', text: 'iVB', encoding: 'base64' } } },
      (read) => expect(read.exchanges[0]?.response.body).toEqual({ kind: 'omitted', mimeType: 'image/png', size: 3, reason: 'binary' }),
    ],
    [
      'scripts are text no auth diagnosis reads: left out, with their size',
      { response: { status: 200, headers: [], content: { size: 9, mimeType: 'application/javascript', text: 'var a = 1' } } },
      (read) => expect(read.exchanges[0]?.response.body).toEqual({ kind: 'omitted', mimeType: 'application/javascript', size: 9, reason: 'not-auth-text' }),
    ],
    [
      'null values, numbers as header values and no timings at all (Charles, Safari)',
      {
        time: null,
        timings: null,
        startedDateTime: 'not a date',
        request: {
          method: 'GET',
          url: 'https://a.example/',
          headers: [
            { name: 'X-Count', value: 3 },
            { name: 'X-Null', value: null },
          ],
        },
        response: { status: 200, statusText: null, headers: null, content: null },
      },
      (read) => {
        const e = read.exchanges[0];
        expect(e?.request.headers).toEqual([
          ['X-Count', '3'],
          ['X-Null', ''],
        ]);
        expect(e?.startedAt).toBeUndefined();
        expect(e?.durationMs).toBeUndefined();
      },
    ],
    [
      'time -1 falls back to the sum of the timings that apply (HAR 1.2: -1 means "does not apply")',
      { time: -1, timings: { blocked: -1, dns: -1, connect: 4, ssl: 3, send: 1, wait: 10, receive: 2 } },
      (read) => expect(read.exchanges[0]?.durationMs).toBe(17),
    ],
    [
      'a blocked request (status 0 and _error, Chromium) is kept with its error',
      { response: { status: 0, statusText: '', headers: [], _error: 'net::ERR_UNEXPECTED_PROXY_AUTH' } },
      (read) => {
        expect(read.exchanges[0]?.response.status).toBe(0);
        expect(read.exchanges[0]?.meta.error).toBe('net::ERR_UNEXPECTED_PROXY_AUTH');
      },
    ],
    [
      'a redirect without redirectURL (some recorders leave it empty) points at its Location, resolved',
      { response: { status: 302, headers: [{ name: 'Location', value: '/login?next=%2Fr' }], redirectURL: '' } },
      (read) => expect(read.exchanges[0]?.response.redirectUrl).toBe('https://api.example/login?next=%2Fr'),
    ],
    [
      'a form sent as params only is rebuilt as its text',
      {
        request: {
          method: 'POST',
          url: 'https://a.example/login',
          headers: [],
          postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'user', value: 'alice' }] },
        },
      },
      (read) => expect(read.exchanges[0]?.request.body).toMatchObject({ kind: 'text', text: 'user=alice' }),
    ],
  ])('%s', (_name, overrides, check) => {
    check(recording(parseHar(har([entry(overrides)]))));
  });

  test('repeated Set-Cookie lines stay separate and in order', () => {
    const read = recording(
      parseHar(
        har([
          entry({
            response: {
              status: 200,
              headers: [
                { name: 'Set-Cookie', value: 'a=1' },
                { name: 'Content-Type', value: 'text/plain' },
                { name: 'Set-Cookie', value: 'b=2' },
              ],
            },
          }),
        ]),
      ),
    );
    expect(read.exchanges[0]?.response.headers).toEqual([
      ['Set-Cookie', 'a=1'],
      ['Content-Type', 'text/plain'],
      ['Set-Cookie', 'b=2'],
    ]);
  });

  test('one broken entry becomes a warning that names it; the others are read', () => {
    const read = recording(parseHar(har([entry(), { request: { method: 'GET' }, response: { status: 200 } }, entry()])));
    expect(read.exchanges.map((e) => e.index)).toEqual([0, 2]);
    expect(read.warnings).toEqual([{ where: 'log.entries[1].request.url', message: expect.stringMatching(/^Entry 2 was skipped: expected string/) }]);
  });

  test('a byte order mark and bytes instead of text are read', () => {
    expect(recording(parseHar(new TextEncoder().encode(`\uFEFF${har([entry()])}`))).exchanges).toHaveLength(1);
  });

  test('progress is reported, ending at the total', () => {
    const calls: Array<[number, number]> = [];
    parseHar(har(Array.from({ length: 5 }, () => entry())), { onProgress: (read, total) => calls.push([read, total]), progressEvery: 2 });
    expect(calls).toEqual([
      [2, 5],
      [4, 5],
      [5, 5],
    ]);
  });
});

describe('parseHar refuses what is not a HAR, in words', () => {
  test.each([
    ['text that is not JSON', 'hello', /not valid JSON: it breaks at line 1, column 1/],
    ['JSON cut short', '{"log": {"entries": [', /not valid JSON: it breaks at/],
    ['JSON without log', '{"entries": []}', /not a HAR: at log, expected object/],
    ['log without entries', '{"log": {"version": "1.2"}}', /not a HAR: at log.entries, expected array/],
    [
      'entries that are not entries',
      '{"log": {"entries": [1, 2]}}',
      /No entry of this HAR could be read. The first problem: Entry 1 was skipped: expected object/,
    ],
  ])('%s', (_name, input, message) => {
    const read = parseHar(input);
    if (read.kind !== 'unreadable') throw new Error('read as a recording');
    expect(read.message).toMatch(message);
    expect(read.expected).toMatch(/HAR 1\.2/);
    expect(read.where).not.toBe('');
  });

  test('JSON that breaks on a later line says which line', () => {
    const read = parseHar('{\n  "log": {\n    "entries": [,]\n  }\n}');
    expect(read.kind === 'unreadable' && read.where).toBe('line 3, column 17');
  });

  test('readRecording sends JSON to the HAR reader and anything else to the curl reader', () => {
    expect(readRecording(har([entry()])).kind).toBe('recording');
    const curl = readRecording('> GET / HTTP/1.1\n> Host: a.example\n>\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic\n<\n');
    expect(curl.kind === 'recording' && curl.source.format).toBe('curl-verbose');
  });
});

describe('parseHar on a large recording', () => {
  test('20 000 entries (about 25 MB) read in one pass: time grows with the size, not faster', () => {
    const one = entry({
      request: { method: 'GET', url: 'https://cdn.example/a.js', headers: Array.from({ length: 12 }, (_, i) => ({ name: `X-H${i}`, value: 'v'.repeat(40) })) },
      response: { status: 200, headers: [], content: { size: 800, mimeType: 'application/javascript', text: 'x'.repeat(800) } },
    });
    const time = (count: number) => {
      const text = har(Array.from({ length: count }, () => one));
      const start = performance.now();
      const read = parseHar(text);
      const ms = performance.now() - start;
      expect(read.kind === 'recording' && read.exchanges.length).toBe(count);
      return { ms, bytes: text.length };
    };
    const small = time(2_000);
    const large = time(20_000);
    expect(large.bytes).toBeGreaterThan(20 * 1024 * 1024);
    // Ten times the entries: linear work takes about ten times as long; quadratic would take a hundred.
    expect(large.ms / Math.max(small.ms, 1)).toBeLessThan(35);
  });
});

test("Firefox's joined Set-Cookie lines are split back into one line per cookie", () => {
  const read = parseHar(
    JSON.stringify({
      log: {
        entries: [
          { request: { method: 'GET', url: 'https://a.example/' }, response: { status: 200, headers: [{ name: 'Set-Cookie', value: 'a=1; Path=/\nb=2' }] } },
        ],
      },
    }),
  );
  expect(read.kind === 'recording' && read.exchanges[0]?.response.headers).toEqual([
    ['Set-Cookie', 'a=1; Path=/'],
    ['Set-Cookie', 'b=2'],
  ]);
});
