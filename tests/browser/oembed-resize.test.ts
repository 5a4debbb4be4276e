// What an oEmbed consumer's page gets: the html from /api/oembed pasted into a host page on another
// origin. The embed grows to its content through embed.js, never past the consumer's maxheight, shows
// only the section the link named, and also speaks the resize messages Canvas and WordPress listen for.
import { openBrowser } from './support/chromium';
import { coursePage, trainerSite } from './support/trainer-site';
import { baseUrl, firstLesson } from './support/site';

const trainer = trainerSite();
beforeAll(() => trainer.start());
afterAll(() => trainer.close());

async function oembedHtml(pageUrl: string, maxheight?: number): Promise<string> {
  const query = new URLSearchParams({ url: pageUrl, format: 'json', ...(maxheight ? { maxheight: String(maxheight) } : {}) });
  const response = await fetch(`${baseUrl()}/api/oembed?${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { html: string }).html;
}

test('oEmbed html resizes to its content in a host page, respects maxheight, and embeds the section alone', async () => {
  const lesson = firstLesson();
  const sections = lesson.toc.filter((entry) => entry.depth === 2);
  const [first, second] = sections;
  if (!first || !second) throw new Error('the first lesson has fewer than two ## headings');
  const whole = (await oembedHtml(`${baseUrl()}/lessons/${lesson.slug}`)).replace('<iframe ', '<iframe id="whole" ');
  const section = (await oembedHtml(`${baseUrl()}/lessons/${lesson.slug}#${second.id}`, 300)).replace('<iframe ', '<iframe id="section" ');
  // A WordPress host adds #?secret= to the src and data-secret to the iframe; the embed answers in kind.
  const wordpress = `<iframe id="wp" src="${baseUrl()}/embed/lessons/${lesson.slug}?section=${first.id}#?secret=abc123XYZ9" data-secret="abc123XYZ9" title="WordPress embed" height="200"></iframe>`;
  trainer.pages.set(
    '/oembed-host',
    coursePage(`<script>window.heard=[];addEventListener('message',function(e){window.heard.push(e.data)})</script>${whole}${section}${wordpress}`),
  );
  const session = await openBrowser();
  try {
    const { page } = session;
    await page.goto(`${trainer.url()}/oembed-host`, { waitUntil: 'load' });
    const height = (id: string) => page.evaluate((frameId) => document.getElementById(frameId)?.getBoundingClientRect().height ?? 0, id);

    // The whole lesson grows from its first-guess height to its content (far taller than 900 px).
    await page.waitForFunction(() => (document.getElementById('whole')?.getBoundingClientRect().height ?? 0) > 1500);

    // The section embed posted a height over its 300 px maxheight, and embed.js kept it at 300 (it scrolls).
    await page.waitForFunction(() =>
      (window as unknown as { heard: { subject?: string; height?: number }[] }).heard.some(
        (message) => message.subject === 'lti.frameResize' && (message.height ?? 0) > 300,
      ),
    );
    await page.waitForTimeout(300);
    expect(await height('section')).toBe(300);

    // Only the section the link named is shown.
    const frame = page.frameLocator('#section');
    await frame.getByRole('heading', { level: 2, name: second.text }).waitFor();
    expect(await frame.getByRole('heading', { level: 2, name: first.text }).isVisible()).toBe(false);

    // Canvas's lti.frameResize and WordPress's secret-keyed height message arrive beside the lab's own.
    const heard = await page.evaluate(() => (window as unknown as { heard: Record<string, unknown>[] }).heard);
    expect(heard.some((message) => message.type === 'http-auth-lab:resize' && Number(message.height) > 0)).toBe(true);
    expect(heard.some((message) => message.message === 'height' && message.secret === 'abc123XYZ9' && Number(message.value) > 0)).toBe(true);
  } finally {
    await session.close();
  }
});

test('embed.js that arrives after the frame has posted its height still sizes the frame (it asks the frames again)', async () => {
  const lesson = firstLesson();
  const whole = (await oembedHtml(`${baseUrl()}/lessons/${lesson.slug}`)).replace('<iframe ', '<iframe id="whole" ');
  trainer.pages.set('/oembed-late', coursePage(`<script>window.heard=[];addEventListener('message',function(e){window.heard.push(e.data)})</script>${whole}`));
  const session = await openBrowser();
  try {
    const { page } = session;
    // embed.js is held back until the frame has posted its full height, which then reaches no listener of embed.js.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/embed.js', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${trainer.url()}/oembed-late`, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() =>
      (window as unknown as { heard: { type?: string; height?: number }[] }).heard.some(
        (message) => message.type === 'http-auth-lab:resize' && (message.height ?? 0) > 1500,
      ),
    );
    expect(await page.evaluate(() => document.getElementById('whole')?.getBoundingClientRect().height ?? 0)).toBeLessThan(1500);
    release();
    await page.waitForFunction(() => (document.getElementById('whole')?.getBoundingClientRect().height ?? 0) > 1500);
  } finally {
    await session.close();
  }
});
