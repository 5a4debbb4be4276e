/** @jest-environment node */
// GET and HEAD /trainers/downloads/pdf/{file} with real Request objects, on the paths that print nothing:
// names that are no handout, a server without Chromium, and HEAD (which never prints).
import path from 'node:path';
import { loadLessons } from '@/lib/content/lessons';

const BASE = 'http://lab.test';
const lesson = loadLessons()[0];
if (!lesson) throw new Error('no lessons');
const base = lesson.file.replace(/\.mdx$/, '');

// The route's own printer uses CHROMIUM_PATH, read when lib/export/chromium-executable.mjs loads: the route and the
// modules it uses are loaded once it names a file that is not there, as on a server without Chromium.
let route: typeof import('@/app/trainers/downloads/pdf/[file]/route');
let handoutDownload: typeof import('@/lib/export/handout-download').handoutDownload;
let createHandoutPrinter: typeof import('@/lib/export/handout-printer').createHandoutPrinter;
const savedPath = process.env.CHROMIUM_PATH;
const savedSiteUrl = process.env.SITE_URL;
beforeAll(async () => {
  process.env.CHROMIUM_PATH = path.join(__dirname, 'no-such-chromium');
  delete process.env.SITE_URL;
  route = await import('@/app/trainers/downloads/pdf/[file]/route');
  ({ handoutDownload } = await import('@/lib/export/handout-download'));
  ({ createHandoutPrinter } = await import('@/lib/export/handout-printer'));
});
afterAll(() => {
  if (savedPath === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = savedPath;
  if (savedSiteUrl !== undefined) process.env.SITE_URL = savedSiteUrl;
});

const call = (method: 'GET' | 'HEAD', file: string, host = 'lab.test') => {
  const request = new Request(`${BASE}/trainers/downloads/pdf/${encodeURIComponent(file)}`, { method, headers: { host } });
  return route[method](request, { params: Promise.resolve({ file }) });
};

describe('/trainers/downloads/pdf/{file}', () => {
  test.each([
    ['a lesson that does not exist', '99-no-such-lesson.pdf'],
    ['an edition that does not exist', `${base}-poster.pdf`],
    ['another file type', `${base}.html`],
    ['the slug without its number', `${lesson.slug}.pdf`],
    ['a path', `../${base}.pdf`],
    ['upper case', `${base.toUpperCase()}.PDF`],
  ])('%s: 404 with problem details, for GET and HEAD', async (_what, file) => {
    const response = await call('GET', file);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.json();
    expect(body).toMatchObject({ status: 404, title: 'Not Found' });
    expect(body.detail).toContain('NN-slug-trainer.pdf');
    const head = await call('HEAD', file);
    expect(head.status).toBe(404);
    expect(head.headers.get('content-type')).toBe('application/problem+json');
  });

  test('a server without Chromium: 503 saying so, and that the lesson page prints from any browser', async () => {
    for (const file of [`${base}.pdf`, `${base}-short.pdf`, `${base}-trainer.pdf`]) {
      const response = await call('GET', file);
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      const { detail } = await response.json();
      expect(detail).toContain('no Chromium');
      expect(detail).toContain(`${BASE}/lessons/${lesson.slug}`);
      expect(detail).toContain('File → Print');
    }
    expect((await call('HEAD', `${base}.pdf`)).status).toBe(503);
  });

  test('the address named is the one the request reached (its Host), unless that is no plain host[:port]', async () => {
    expect((await (await call('GET', `${base}.pdf`, 'trainer.example:8080')).json()).detail).toContain(`http://trainer.example:8080/lessons/${lesson.slug}`);
    expect((await (await call('GET', `${base}.pdf`, 'evil.example/"x')).json()).detail).toContain(`${BASE}/lessons/${lesson.slug}`);
  });
});

describe('HEAD never prints', () => {
  // A printer whose "Chromium" is a file that exists but is no browser: a print would fail, HEAD answers.
  const head = (file: string, siteUrl?: string) => {
    const printer = createHandoutPrinter({ executablePath: process.execPath });
    if (siteUrl) process.env.SITE_URL = siteUrl;
    try {
      return handoutDownload(new Request(`${BASE}/trainers/downloads/pdf/${file}`, { method: 'HEAD' }), file, printer);
    } finally {
      delete process.env.SITE_URL;
    }
  };

  test('a PDF attachment under its own name, not for shared caches when the address came from the request', async () => {
    const response = await head(`${base}-trainer.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${base}-trainer.pdf"`);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(await response.text()).toBe('');
  });

  test('cacheable for an hour when SITE_URL names the lab', async () => {
    const response = await head(`${base}-short.pdf`, 'https://lab.example.edu');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
