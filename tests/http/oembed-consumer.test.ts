// A real oEmbed consumer (unfurl.js, pinned in devDependencies) discovers the lab's embeds the way a
// CMS would: fetch the pasted page, follow its <link type="application/json+oembed">, use the html.
// Per-request discovery (server.ts) must keep what the link says: a share link's state, a section.
import { unfurl } from 'unfurl.js';
import { baseUrl, firstLesson } from './support/lab';

/** The iframe src in an oEmbed html, entities decoded. */
function iframeSrc(html: string): URL {
  const src = /<iframe[^>]*\ssrc="([^"]*)"/.exec(html)?.[1];
  if (!src) throw new Error(`no iframe in ${html}`);
  return new URL(src.replace(/&amp;/g, '&'));
}

async function embedOf(pageUrl: string) {
  const metadata = await unfurl(pageUrl, { timeout: 20_000 });
  const oembed = metadata.oEmbed;
  if (!oembed || oembed.type !== 'rich') throw new Error(`no rich oEmbed discovered for ${pageUrl}`);
  return oembed;
}

describe('oEmbed through unfurl.js', () => {
  test('a playground share link embeds the playground with its state, and the embed shows that state', async () => {
    const share = `${baseUrl()}/playground?v=1&p=basic-wrong-password&mode=manual`;
    const oembed = await embedOf(share);
    expect(oembed.title).toMatch(/^Playground: /);
    const src = iframeSrc(oembed.html);
    expect(src.pathname).toBe('/embed/playground');
    expect(Object.fromEntries(src.searchParams)).toEqual({ v: '1', p: 'basic-wrong-password', mode: 'manual' });
    // The frame's page is that state: fetched at the lab, it is the playground on that preset.
    const page = await fetch(`${baseUrl()}${src.pathname}${src.search}`);
    expect(page.status).toBe(200);
  });

  test('a section link embeds that section alone', async () => {
    const lesson = firstLesson();
    const section = lesson.toc.filter((entry) => entry.depth === 2)[1];
    if (!section) throw new Error('the first lesson has fewer than two ## headings');
    const oembed = await embedOf(`${baseUrl()}/lessons/${lesson.slug}?section=${section.id}#${section.id}`);
    const src = iframeSrc(oembed.html);
    expect(src.pathname).toBe(`/embed/lessons/${lesson.slug}`);
    expect(src.searchParams.get('section')).toBe(section.id);
    // The embed page it names has that section (it hides the others in the browser: tests/browser/oembed-resize.test.ts).
    const html = await (await fetch(`${baseUrl()}${src.pathname}${src.search}`)).text();
    expect(html).toContain(`data-section="${section.id}"`);
  });

  test('an embed URL keeps its options through discovery; the Link field says the same as the <link>', async () => {
    const lesson = firstLesson();
    const target = `/embed/lessons/${lesson.slug}?theme=dark&quiz=hide`;
    const oembed = await embedOf(`${baseUrl()}${target}`);
    expect(Object.fromEntries(iframeSrc(oembed.html).searchParams)).toEqual({ theme: 'dark', quiz: 'hide' });
    const response = await fetch(`${baseUrl()}${target}`);
    const link = /^<([^>]+)>; rel="alternate"; type="application\/json\+oembed"$/.exec(response.headers.get('link') ?? '')?.[1];
    expect(new URL(link ?? 'x:').searchParams.get('url')).toMatch(new RegExp(`${target.replace(/[?]/g, '\\?')}$`));
  });

  test('a bare page keeps its prerendered (gzipped) <link> and gets a Link field for the origin it runs on', async () => {
    // The prerendered <link> carries the build's SITE_URL (here http://localhost:3000, not this server's
    // port); the Link field is computed per request from the runtime SITE_URL / PORT.
    const lesson = firstLesson();
    const response = await fetch(`${baseUrl()}/lessons/${lesson.slug}`, { headers: { 'accept-encoding': 'gzip' } });
    const link = /^<([^>]+)>; rel="alternate"; type="application\/json\+oembed"$/.exec(response.headers.get('link') ?? '')?.[1];
    if (!link) throw new Error('no oEmbed Link field');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(new URL(link).port).toBe(new URL(baseUrl()).port);
    const answer = await fetch(link);
    expect(answer.status).toBe(200);
    expect((await answer.json()).title).toBe(lesson.frontmatter.title);
  });
});
