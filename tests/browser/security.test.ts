// Security review on the production server (server.ts) and in real Chromium:
// - header reflection over real HTTP: hostile query overrides, raw on the wire and through
//   /api/exchange, never break a response head (every line a well-formed field, challenges parse and
//   round-trip);
// - /api/exchange and absolute-form requests stay inside the lab whatever Host or authority they name;
// - no user input is rendered as HTML: a crafted share link, embed URLs and an oEmbed `html` load with
//   no script of theirs running (no dialog, window.__pwned unset, no element they describe) and the
//   payload shown as text.
import http from 'node:http';
import net from 'node:net';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import type { Transcript } from '@/lib/sandbox/exchange/input';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { expectOverridesRoundTrip, expectWellFormedFields, hostileQuery } from '../lib/sandbox/hostile';
import { openBrowser } from './support/chromium';
import { sendBytes } from '../http/support/raw-http';
import { baseUrl, firstLesson, hydrated, hydratedFrame } from './support/site';

jest.setTimeout(180_000);

type Head = { status: number; headers: [string, string][] };

/** Sends bytes on a fresh connection and reads the response head, strictly: CRLF-separated field lines only. */
async function rawHead(bytes: string): Promise<Head> {
  const { status, headLines } = await sendBytes(baseUrl(), bytes);
  const headers = headLines.map((line): [string, string] => {
    // A lone CR or LF inside a line would be a second line to a lenient client: an injection.
    if (/[\r\n]/.test(line)) throw new Error(`a bare CR or LF in ${JSON.stringify(line)}`);
    const match = /^([^:]*):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!match) throw new Error(`not a field line: ${JSON.stringify(line)}`);
    return [match[1] ?? '', match[2] ?? ''];
  });
  return { status, headers };
}

const request = (target: string, fields: string[] = []) =>
  [`GET ${target} HTTP/1.1`, `Host: ${new URL(baseUrl()).host}`, 'Connection: close', ...fields, '', ''].join('\r\n');
const presetIds = allPresets().map((preset) => preset.id);

describe('header reflection over real HTTP', () => {
  test('150 hostile override sets, raw on the wire: a 4xx whose every head line is a well-formed field', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...presetIds), hostileQuery, async (id, query) => {
        const { status, headers } = await rawHead(request(`/api/sandbox/presets/${id}?${query.toString()}`));
        expect([400, 401, 407]).toContain(status);
        expectWellFormedFields(headers);
        expectOverridesRoundTrip(status, headers, query);
        expect(headers.map(([name]) => name.toLowerCase())).not.toContain('x-injected');
      }),
      { numRuns: 150 },
    );
  });

  test('characters node:http lets through unencoded in the target (quote, backslash, apostrophe) are escaped, not reflected raw', async () => {
    const { status, headers } = await rawHead(request(`/api/sandbox/basic?realm=a"b\\c'd`));
    expect(status).toBe(401);
    expect(headers.filter(([name]) => name === 'WWW-Authenticate')).toEqual([['WWW-Authenticate', 'Basic realm="a\\"b\\\\c\'d", charset="UTF-8"']]);
  });

  test('80 hostile override sets through /api/exchange in auto mode: every response in the transcript has a well-formed head', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...presetIds), hostileQuery, async (id, query) => {
        const target = `/api/sandbox/presets/${id}?${query.toString()}`;
        const response = await fetch(`${baseUrl()}/api/exchange`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ request: { method: 'GET', target }, mode: 'auto' }),
        });
        expectWellFormedFields([...response.headers.entries()]);
        // A target over the exchange's 2048 characters is refused as a whole; anything else is a transcript.
        if (response.status === 400) return expect(target.length).toBeGreaterThan(2048);
        expect(response.status).toBe(200);
        const transcript = (await response.json()) as Transcript;
        for (const step of transcript.steps) {
          expect(step.response.status).toBeLessThan(500);
          expectWellFormedFields(step.response.headers);
          expectOverridesRoundTrip(step.response.status, step.response.headers, query);
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('requests that name another server stay in the lab', () => {
  test.each([
    ['a Host naming the cloud metadata address', request('/api/sandbox/basic', []).replace(/^Host: .*$/m, 'Host: 169.254.169.254')],
    ['absolute-form naming the metadata address', request('http://169.254.169.254/api/sandbox/basic')],
    ['absolute-form naming another site', request('https://evil.example:8443/api/sandbox/basic?realm=elsewhere')],
  ])('%s: answered by the engine itself (a 401 challenge, no redirect)', async (_label, bytes) => {
    const { status, headers } = await rawHead(bytes);
    expect(status).toBe(401);
    expect(headers.map(([name]) => name.toLowerCase())).not.toContain('location');
    expect(headers.find(([name]) => name === 'WWW-Authenticate')?.[1]).toMatch(/^Basic realm="(reports|elsewhere)"/);
  });

  test('/api/exchange given targets outside the sandbox: a 400 problem naming request.target', async () => {
    for (const target of [
      'http://169.254.169.254/latest/meta-data/',
      '//evil.example/',
      '/_next/static/chunks/main.js',
      '/playground',
      '/api/exchange',
      '\\\\evil\\share',
    ]) {
      const response = await fetch(`${baseUrl()}/api/exchange`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ request: { method: 'GET', target } }),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const problem = (await response.json()) as { issues: { path: string }[] };
      expect(problem.issues.map((issue) => issue.path)).toContain('request.target');
    }
  });
});

// ---- no script from user input -------------------------------------------------------------------

const MARK = '__pwned';
const IMG = `<img src=x onerror="window.${MARK}=1;alert(1)">`;
const SCRIPT = `<script>window.${MARK}=2;alert(2)</script>`;
const SVG = `<svg onload="window.${MARK}=3;alert(3)">`;
const PAYLOAD = `${IMG}${SCRIPT}${SVG}`;

/** Opens a page, records any dialog (alert, confirm, prompt) a payload would open, and reports what ran. */
async function visit(page: Page, url: string): Promise<{ dialogs: string[]; pwned: unknown; injected: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  // A page of the lab's own has rendered everything it takes from the address once React has hydrated it.
  if ((await page.locator('script[src*="/_next/"]').count()) > 0) await hydrated(page);
  return { dialogs, ...(await inspect(page)) };
}

/**
 * window.__pwned, and anything a payload describes: an event-handler attribute, a javascript: URL, an
 * <img src=x>, or a <script> whose code is the payload's (payload text inside form fields is fine).
 */
function inspect(page: Page): Promise<{ pwned: unknown; injected: string[] }> {
  return page.evaluate((mark) => {
    const injected: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase();
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) injected.push(`<${tag} ${attribute.name}>`);
        if (/^(href|src|action|formaction|srcdoc)$/i.test(attribute.name) && /^\s*javascript:/i.test(attribute.value))
          injected.push(`<${tag} ${attribute.name}="javascript:…">`);
      }
      if (tag === 'script' && (element.textContent ?? '').trim().startsWith(`window.${mark}`)) injected.push('<script> running the payload');
      if (tag === 'img' && element.getAttribute('src') === 'x') injected.push('<img src=x>');
    }
    return { pwned: (window as unknown as Record<string, unknown>)[mark], injected };
  }, MARK);
}

describe('no user input runs as script (Chromium)', () => {
  const share = new URLSearchParams([
    ['v', '1'],
    ['p', 'basic'],
    ['m', 'POST'],
    ['mode', 'manual'],
    ['t', `/api/sandbox/basic?realm=${encodeURIComponent(IMG)}`],
    ['h', `X-Payload:${PAYLOAD}`],
    ['h', `${SVG}:a name that is not a token`],
    ['b', PAYLOAD],
    [SCRIPT, 'an unknown parameter'],
  ]).toString();

  test('control: the same payloads on a page that does parse them as HTML are seen running (so the checks below can fail)', async () => {
    const careless = http.createServer((_request, answer) => {
      answer.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      answer.end(`<!doctype html><html lang="en"><head><title>Careless</title></head><body><p>${PAYLOAD}</p></body></html>`);
    });
    await new Promise<void>((resolve) => careless.listen(0, '127.0.0.1', resolve));
    const session = await openBrowser();
    try {
      const outcome = await visit(session.page, `http://127.0.0.1:${(careless.address() as net.AddressInfo).port}/`);
      expect(outcome.dialogs.length).toBeGreaterThan(0);
      expect(outcome.pwned).toBeDefined();
      expect(outcome.injected).toEqual(expect.arrayContaining(['<img onerror>', '<script> running the payload', '<img src=x>']));
    } finally {
      await session.close();
      careless.close();
    }
  });

  test('a crafted share link: shown as text, and the server reflects the realm into a transcript that stays text', async () => {
    const session = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    try {
      const { page } = session;
      const opened = await visit(page, `${baseUrl()}/playground?${share}`);
      expect(opened).toEqual({ dialogs: [], pwned: undefined, injected: [] });
      await page.getByRole('textbox', { name: 'Header 1 value' }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Header 1 value' }).inputValue()).toBe(PAYLOAD);
      expect(await page.getByRole('textbox', { name: /^Body/ }).inputValue()).toBe(PAYLOAD);
      await expect(page.getByText(`Unknown parameter "${SCRIPT}" was ignored.`).count()).resolves.toBe(1);

      const exchange = page.waitForResponse((response) => response.url().endsWith('/api/exchange'));
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      expect((await exchange).status()).toBe(200);
      const result = page.getByRole('region', { name: 'Result' });
      await result.getByRole('cell', { name: `Basic realm="${IMG.replace(/"/g, '\\"')}", charset="UTF-8"` }).waitFor();
      await page.waitForTimeout(300);
      expect(await inspect(page)).toEqual({ pwned: undefined, injected: [] });
      expect(opened.dialogs).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test.each([
    ['the playground embed with the same link', () => `/embed/playground?${share}`],
    [
      'a lesson embed with markup in section and theme',
      () => `/embed/lessons/${firstLesson().slug}?${new URLSearchParams({ section: `x"]{}</style>${SCRIPT}`, theme: `"><${SCRIPT.slice(1)}`, quiz: IMG })}`,
    ],
    ['a lesson embed whose section is a valid id that does not exist', () => `/embed/lessons/${firstLesson().slug}?section=no-such-section`],
    ['a try embed with markup in theme', () => `/embed/try/basic?theme=${encodeURIComponent(SVG)}`],
    ['a lesson with markup in its fragment', () => `/lessons/${firstLesson().slug}#${encodeURIComponent(IMG)}`],
    ['an embedded lesson with markup in its fragment', () => `/embed/lessons/${firstLesson().slug}#"><img src=x onerror=alert(4)>`],
    ['a lesson id that is markup', () => `/lessons/${encodeURIComponent(IMG)}`],
    ['a preset id that is markup', () => `/embed/try/${encodeURIComponent(SCRIPT)}`],
    // Problem details quote what was asked for, decoded: opened in a tab they stay JSON text (nosniff).
    ['a sandbox problem quoting a scheme that is markup', () => `/api/sandbox/basic?schemes=${encodeURIComponent(IMG)}`],
    [
      'an oEmbed problem quoting a lesson id that is markup',
      () => `/api/oembed?${new URLSearchParams({ url: `${baseUrl()}/lessons/${encodeURIComponent(SCRIPT)}` })}`,
    ],
  ])('%s: no dialog, nothing injected', async (_label, path) => {
    const session = await openBrowser();
    try {
      const { page } = session;
      const outcome = await visit(page, `${baseUrl()}${path()}`);
      await page.waitForTimeout(300);
      expect({ ...outcome, ...(await inspect(page)) }).toEqual({ dialogs: [], pwned: undefined, injected: [] });
    } finally {
      await session.close();
    }
  });

  test("an oEmbed consumer pasting the response's html for a link full of markup gets one iframe and only the lab's resizer script", async () => {
    const link = `${baseUrl()}/playground?${share}`;
    const response = await fetch(`${baseUrl()}/api/oembed?${new URLSearchParams({ url: link, format: 'json' })}`);
    expect(response.status).toBe(200);
    const { html } = (await response.json()) as { html: string };
    const session = await openBrowser();
    try {
      const { page } = session;
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      // The consumer is a site of its own (an embed refuses an opaque about:blank parent: frame-ancestors).
      const consumer = http.createServer((_request, answer) => {
        answer.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        answer.end(`<!doctype html><html lang="en"><head><title>Consumer</title></head><body>${html}</body></html>`);
      });
      await new Promise<void>((resolve) => consumer.listen(0, '127.0.0.1', resolve));
      try {
        await page.goto(`http://localhost:${(consumer.address() as net.AddressInfo).port}/`, { waitUntil: 'load' });
      } finally {
        consumer.close();
      }
      await hydratedFrame(page, 'iframe');
      const parts = await page.evaluate(() => ({
        elements: [...document.body.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()),
        src: document.querySelector('iframe')?.getAttribute('src'),
        scripts: [...document.scripts].map((script) => script.src),
      }));
      // The link's markup stays inside the iframe's src; the one script is the lab's own embed.js.
      expect(parts).toEqual({
        elements: ['iframe', 'script'],
        src: `${baseUrl()}/embed/playground?${share}`,
        scripts: [expect.stringMatching(/\/embed\.js$/)],
      });
      await page.frameLocator('iframe').getByRole('textbox', { name: 'Header 1 value' }).waitFor();
      const frame = page.frames().find((candidate) => candidate.url().includes('/embed/playground'));
      expect(await frame?.evaluate((mark) => (window as unknown as Record<string, unknown>)[mark], MARK)).toBeUndefined();
      expect(dialogs).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
