/** @jest-environment node */
// Security review through the next-dev door (the route handlers, called with real Request objects):
// hostile overrides never break the response head; /api/exchange answers only from the engine, with no
// outbound connection of any kind; the oEmbed endpoint escapes what it writes into its `html` and
// refuses malformed links with a 4xx instead of throwing.
import { AsyncLocalStorage } from 'node:async_hooks';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import fc from 'fast-check';
import { POST as exchange } from '@/app/api/exchange/route';
import { GET as oembedGet } from '@/app/api/oembed/route';
import { GET, POST } from '@/app/api/sandbox/[[...path]]/route';
import { loadLessons } from '@/lib/content/lessons';
import type { Transcript } from '@/lib/sandbox/exchange/input';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { expectOverridesRoundTrip, expectWellFormedFields, hostileQuery } from '../lib/sandbox/hostile';

const BASE = 'http://lab.test';
const headersOf = (response: Response): [string, string][] => [...response.headers.entries()];

describe('the sandbox route handler: hostile overrides', () => {
  test('200 hostile override sets on every preset: a 4xx, well-formed fields, challenges that parse and round-trip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPresets().map((preset) => preset.id)), hostileQuery, async (id, query) => {
        const response = await GET(new Request(`${BASE}/api/sandbox/presets/${id}?${query.toString()}`));
        expect([400, 401, 407]).toContain(response.status);
        const headers = headersOf(response);
        expectWellFormedFields(headers);
        // Fetch Headers joins repeated challenge lines with ", " (one line is still valid, RFC 9110 §11.6.1).
        expectOverridesRoundTrip(response.status, headers, query);
        expect(response.headers.get('x-injected')).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('/api/exchange reaches nothing but the engine', () => {
  /**
   * Jest shares a worker process (and so the `net`, `http`, … module objects) between test files, and a
   * file that ran earlier in the worker may still be closing a socket of its own while these tests run.
   * An attempt counts when it happens on behalf of a call these tests make: everything the handler does,
   * synchronously or later (awaits, timers, sockets), runs in that call's AsyncLocalStorage context, and
   * another file's leftovers do not.
   */
  const onBehalf = new AsyncLocalStorage<true>();
  const ours = <T>(call: () => T): T => onBehalf.run(true, call);
  const post = (body: unknown) =>
    ours(() => exchange(new Request(`${BASE}/api/exchange`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })));

  /** Every way out of the process, made to throw; each test then checks none was even tried. */
  const OUTBOUND: [string, () => jest.SpyInstance][] = [
    ['fetch', () => jest.spyOn(globalThis, 'fetch')],
    ['http.request', () => jest.spyOn(http, 'request')],
    ['http.get', () => jest.spyOn(http, 'get')],
    ['https.request', () => jest.spyOn(https, 'request')],
    ['https.get', () => jest.spyOn(https, 'get')],
    ['net.connect', () => jest.spyOn(net, 'connect')],
    ['net.createConnection', () => jest.spyOn(net, 'createConnection')],
    ['net.Socket#connect', () => jest.spyOn(net.Socket.prototype, 'connect')],
    ['tls.connect', () => jest.spyOn(tls, 'connect')],
    ['dns.lookup', () => jest.spyOn(dns, 'lookup')],
    ['dns.resolve', () => jest.spyOn(dns, 'resolve')],
    ['dns.promises.lookup', () => jest.spyOn(dns.promises, 'lookup')],
  ];
  let spies: [string, jest.SpyInstance][] = [];
  let attempted: string[] = [];
  beforeEach(() => {
    attempted = [];
    spies = OUTBOUND.map(([name, spyOn]) => {
      const spy = spyOn().mockImplementation(() => {
        if (onBehalf.getStore() === true) attempted.push(name);
        throw new Error(`outbound network attempted: ${name}`);
      });
      return [name, spy];
    });
  });
  afterEach(() => {
    // An attempt fails the test even when the engine caught the error it threw.
    for (const [, spy] of spies) spy.mockRestore();
    expect(attempted).toEqual([]);
  });

  test("the guard sees an attempt made from our code, through Node's own client", () => {
    // Proves the attribution above does not hide a real attempt: unspied, http.get reaches net.
    const restored = spies.find(([name]) => name === 'http.get');
    restored?.[1].mockRestore();
    expect(() => ours(() => http.get('http://127.0.0.1:9/'))).toThrow('outbound network attempted');
    expect(attempted.length).toBeGreaterThan(0);
    attempted = [];
  });

  test.each([
    ['an absolute URL', 'http://example.com/'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['an https URL naming the sandbox path', 'https://evil.example/api/sandbox/basic'],
    ['a scheme-relative URL', '//evil.example/api/sandbox/basic'],
    ['a file URL', 'file:///etc/passwd'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a backslash path', '\\\\evil.example\\api\\sandbox\\basic'],
    ['/api/sandbox with a backslash after it', '/api/sandbox\\..\\..\\etc\\passwd'],
    ['the exchange itself (recursion)', '/api/exchange'],
    ["Next's own assets", '/_next/static/chunks/main.js'],
    ['a page', '/lessons'],
    ['a prefix that is not the sandbox', '/api/sandboxed/basic'],
    ['a leading space', ' /api/sandbox/basic'],
    ['a target over 2048 characters', `/api/sandbox/basic?pad=${'a'.repeat(3000)}`],
  ])('%s: 400 problem+json naming /api/sandbox/', async (_label, target) => {
    const response = await post({ request: { method: 'GET', target } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { status: number; issues: { path: string }[] };
    expect(problem.status).toBe(400);
    expect(problem.issues.map((issue) => issue.path)).toContain('request.target');
  });

  test.each([
    ['dot segments', '/api/sandbox/../../etc/passwd'],
    ['dot segments back to the exchange', '/api/sandbox/../exchange'],
    ['percent-encoded dot segments', '/api/sandbox/%2e%2e/%2E%2E/etc/passwd'],
    ['encoded slashes', '/api/sandbox/..%2f..%2fexchange'],
    ['a double slash', '/api/sandbox//evil.example/basic'],
    ['an absolute URL after the prefix', '/api/sandbox/http://169.254.169.254/'],
  ])('%s: taken literally and answered by the sandbox router (404), never resolved elsewhere', async (_label, target) => {
    const response = await post({ request: { method: 'GET', target }, mode: 'auto' });
    expect(response.status).toBe(200);
    const transcript = (await response.json()) as Transcript;
    expect(transcript.steps).toHaveLength(1);
    const [step] = transcript.steps;
    expect(step?.request.target).toBe(target);
    expect(step?.response.status).toBe(404);
    expect(JSON.parse(step?.response.body ?? '{}').detail).toMatch(/^No sandbox endpoint at /);
  });

  test('a Host field naming another server changes nothing: the engine answers, in-process', async () => {
    for (const host of ['169.254.169.254', 'evil.example:8080', 'localhost:3000']) {
      const response = await post({
        request: {
          method: 'GET',
          target: '/api/sandbox/basic',
          headers: [
            ['Host', host],
            ['Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA=='],
          ],
        },
      });
      const transcript = (await response.json()) as Transcript;
      expect(transcript.steps.map((step) => step.response.status)).toEqual([200]);
    }
  });

  test('auto mode through every preset (proxy hops, token refresh, Digest) opens no connection', async () => {
    for (const preset of allPresets()) {
      const response = await post({ request: { method: 'GET', target: `/api/sandbox/presets/${preset.id}` }, mode: 'auto' });
      expect(response.status).toBe(200);
    }
  });

  test('the token endpoint through the exchange stays in-process too', async () => {
    const response = await post({
      request: {
        method: 'POST',
        target: '/api/sandbox/token',
        headers: [
          ['Authorization', 'Basic YWxpY2U6d29uZGVybGFuZA=='],
          ['Content-Type', 'application/x-www-form-urlencoded'],
        ],
        body: 'grant_type=client_credentials',
      },
    });
    const transcript = (await response.json()) as Transcript;
    expect(transcript.steps[0]?.response.status).toBe(200);
  });

  test('the sandbox route handler, reached with dot segments the URL parser resolves, still answers only from the engine', async () => {
    // new URL() resolves these, as a browser would before sending; the handler sees /etc/passwd and /api/exchange.
    const outside = await ours(() => GET(new Request(`${BASE}/api/sandbox/%2e%2e/%2e%2e/etc/passwd`)));
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as { detail: string }).detail).toBe(
      'No sandbox endpoint at /etc/passwd. Try /api/sandbox/basic, /digest, /bearer, /proxy, /ntlm, /negotiate or /presets.',
    );
    const recursion = await ours(() =>
      POST(
        new Request(`${BASE}/api/sandbox/../exchange`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ request: { method: 'GET', target: '/api/sandbox/basic' } }),
        }),
      ),
    );
    expect(recursion.status).toBe(200);
  });
});

describe('oEmbed: what it writes into html, and malformed links', () => {
  const lesson = loadLessons()[0];
  if (!lesson) throw new Error('no lessons');
  const oembed = (url: string, host = 'lab.test') => oembedGet(new Request(`${BASE}/api/oembed?${new URLSearchParams({ url })}`, { headers: { host } }));

  test('a playground link full of markup: every attribute of the iframe stays one attribute', async () => {
    const state = new URLSearchParams({
      v: '1',
      p: 'basic',
      h: 'X-Test:"><script>window.__pwned=1</script><img src=x onerror=alert(1)>',
      b: "' onload='alert(1)",
    });
    const response = await oembed(`${BASE}/playground?${state}`);
    expect(response.status).toBe(200);
    const { html } = (await response.json()) as { html: string };
    // The iframe and the lab's own resizer script, no raw markup from the link: the only tags are theirs.
    expect(html.match(/</g)).toHaveLength(4);
    expect(html).toMatch(
      /^<iframe src="[^"<>]*" title="[^"<>]*" width="\d+" height="\d+" style="[^"<>]*" loading="lazy" referrerpolicy="[^"<>]*" sandbox="[^"<>]*" allow="[^"<>]*"><\/iframe><script src="http:\/\/lab\.test\/embed\.js" async><\/script>$/,
    );
    // The link's markup is inside the src attribute, percent-encoded, and comes back out unchanged.
    const src = /^<iframe src="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(src).toBe(`${BASE}/embed/playground?${state}`);
  });

  test.each([
    ['a quote (it parses as a URL host)', 'a"b', `http://a"b/lessons/${lesson.slug}`],
    ['a path', 'evil.example/x', `http://evil.example/lessons/${lesson.slug}`],
    ['a query', 'evil.example?x', `http://evil.example/lessons/${lesson.slug}`],
  ])('a Host that is not a plain host[:port], with %s, is not believed: only SITE_URL and the request URL count', async (_label, host, url) => {
    const response = await oembed(url, host);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain(host);
  });

  test.each([
    ['a lesson slug', `${BASE}/lessons/%E0%A4%A`],
    ['a lesson slug with a lone %', `${BASE}/embed/lessons/100%`],
    ['a try preset', `${BASE}/embed/try/%FF`],
  ])('malformed percent-encoding in %s: a 404 problem, never a throw', async (_label, url) => {
    let response: Response | undefined;
    expect(() => {
      response = oembed(url);
    }).not.toThrow();
    expect(response?.status).toBe(404);
    expect(response?.headers.get('content-type')).toBe('application/problem+json');
  });

  test('malformed percent-encoding in a section anchor: the whole lesson, as for any unknown section', async () => {
    let response: Response | undefined;
    expect(() => {
      response = oembed(`${BASE}/lessons/${lesson.slug}#%E0%A4%A`);
    }).not.toThrow();
    expect(response?.status).toBe(200);
    const { html } = (await response?.json()) as { html: string };
    expect(html).toContain(`src="${BASE}/embed/lessons/${lesson.slug}"`);
  });
});
