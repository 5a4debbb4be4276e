/** @jest-environment node */
// GET /api/oembed with real Request objects: oEmbed 1.0 fields on success, problem details otherwise.
import { GET } from '@/app/api/oembed/route';
import { loadLessons } from '@/lib/content/lessons';

const BASE = 'http://lab.test';
const lesson = loadLessons()[0];
if (!lesson) throw new Error('no lessons');
const section = lesson.toc.find((entry) => entry.depth === 2);
if (!section) throw new Error('the first lesson has no ## heading');

const oembed = (query: Record<string, string>) => GET(new Request(`${BASE}/api/oembed?${new URLSearchParams(query)}`, { headers: { host: 'lab.test' } }));

/** The iframe's attributes, entities decoded as an HTML parser would (the node environment has no DOM). */
function iframeOf(html: string): { src: string; width: string; height: string; title: string } {
  const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>' };
  const attribute = (name: string) =>
    (new RegExp(`<iframe[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1] ?? '').replace(/&(amp|quot|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
  return { src: attribute('src'), width: attribute('width'), height: attribute('height'), title: attribute('title') };
}

describe('GET /api/oembed', () => {
  test('a lesson link: a rich oEmbed 1.0 response whose iframe embeds that lesson', async () => {
    const response = await oembed({ url: `${BASE}/lessons/${lesson.slug}`, format: 'json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body).toMatchObject({ version: '1.0', type: 'rich', title: lesson.frontmatter.title, provider_name: 'HTTP Auth Lab', provider_url: `${BASE}/` });
    expect(Number.isInteger(body.width) && Number.isInteger(body.height)).toBe(true);
    const frame = iframeOf(body.html);
    expect(frame.src).toBe(`${BASE}/embed/lessons/${lesson.slug}`);
    expect(frame.width).toBe(String(body.width));
    expect(frame.height).toBe(String(body.height));
  });

  test('a link to a heading embeds that section; maxwidth and maxheight are kept', async () => {
    const body = await (await oembed({ url: `${BASE}/lessons/${lesson.slug}#${section.id}`, maxwidth: '500', maxheight: '300' })).json();
    expect(iframeOf(body.html).src).toBe(`${BASE}/embed/lessons/${lesson.slug}?section=${section.id}`);
    expect(body.width).toBeLessThanOrEqual(500);
    expect(body.height).toBeLessThanOrEqual(300);
  });

  test('?section= on a lesson link (the form that survives discovery) embeds that section; an unknown one the whole lesson', async () => {
    const body = await (await oembed({ url: `${BASE}/lessons/${lesson.slug}?section=${section.id}` })).json();
    expect(iframeOf(body.html).src).toBe(`${BASE}/embed/lessons/${lesson.slug}?section=${section.id}`);
    const unknown = await (await oembed({ url: `${BASE}/lessons/${lesson.slug}?section=no-such-heading` })).json();
    expect(iframeOf(unknown.html).src).toBe(`${BASE}/embed/lessons/${lesson.slug}`);
  });

  test('the html sizes itself with embed.js, capped at maxheight, and starts at the height the JSON gives', async () => {
    const capped = await (await oembed({ url: `${BASE}/lessons/${lesson.slug}`, maxheight: '450' })).json();
    expect(capped.height).toBe(450);
    expect(iframeOf(capped.html).height).toBe('450');
    expect(capped.html).toContain('data-max-height="450"');
    expect(capped.html).toContain(`<script src="${BASE}/embed.js" async></script>`);
    const free = await (await oembed({ url: `${BASE}/lessons/${lesson.slug}` })).json();
    expect(free.html).not.toContain('data-max-height');
    expect(free.height).toBeGreaterThanOrEqual(600);
  });

  test('an embed URL keeps its options; a try widget and a playground state embed too', async () => {
    const embedded = await (await oembed({ url: `${BASE}/embed/lessons/${lesson.slug}?theme=dark&quiz=hide` })).json();
    expect(iframeOf(embedded.html).src).toBe(`${BASE}/embed/lessons/${lesson.slug}?theme=dark&quiz=hide`);
    const tryIt = await (await oembed({ url: `${BASE}/embed/try/digest` })).json();
    expect(iframeOf(tryIt.html).src).toBe(`${BASE}/embed/try/digest`);
    expect(tryIt.title).toMatch(/^Try it: /);
    const playground = await (await oembed({ url: `${BASE}/playground?v=1&p=basic-wrong-password&mode=manual` })).json();
    expect(iframeOf(playground.html).src).toBe(`${BASE}/embed/playground?v=1&p=basic-wrong-password&mode=manual`);
  });

  test.each([
    [{}, 400, /url/],
    [{ url: 'not a url' }, 400, /absolute http/],
    [{ url: `${BASE}/lessons/x`, maxwidth: '-5' }, 400, /maxwidth/],
    [{ url: 'https://elsewhere.example/lessons/x' }, 404, /Only links to this lab/],
    [{ url: `${BASE}/lessons/no-such-lesson` }, 404, /no lesson "no-such-lesson"/],
    [{ url: `${BASE}/api` }, 404, /not a page that can be embedded/],
    [{ url: `${BASE}/embed/try/nope` }, 404, /no sandbox preset "nope"/],
    // oEmbed §2.3.4: a format the provider does not offer is 501.
    [{ url: `${BASE}/lessons/${lesson.slug}`, format: 'xml' }, 501, /format=json only/],
  ])('%j: %i with a problem+json body', async (query, status, detail) => {
    const response = await oembed(query as Record<string, string>);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = await response.json();
    expect(body.status).toBe(status);
    expect(body.detail).toMatch(detail);
  });

  test('an answer for SITE_URL may be cached by anyone; one built from another Host is private (no cache poisoning)', async () => {
    const saved = process.env.SITE_URL;
    try {
      process.env.SITE_URL = BASE;
      expect((await oembed({ url: `${BASE}/lessons/${lesson.slug}` })).headers.get('cache-control')).toBe('public, max-age=3600');
      process.env.SITE_URL = 'https://lab.example.org';
      const viaHost = await oembed({ url: `${BASE}/lessons/${lesson.slug}` });
      expect(viaHost.status).toBe(200);
      expect(viaHost.headers.get('cache-control')).toBe('private, no-store');
      expect(iframeOf((await viaHost.json()).html).src).toBe(`${BASE}/embed/lessons/${lesson.slug}`);
    } finally {
      if (saved === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = saved;
    }
  });
});
