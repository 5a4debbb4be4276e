import type { Page } from 'playwright-core';
import { RESIZE_MESSAGE_TYPE } from '@/lib/site/embed';
import { openBrowser } from './support/chromium';
import { trainerSite } from './support/trainer-site';
import { axeViolations, baseUrl, firstLesson, hydratedFrame, openPage } from './support/site';

// A trainer's page on a second local origin embeds the lab: this server plays the trainer's site.

const trainer = trainerSite();
const pages = trainer.pages;
beforeAll(() => trainer.start());
afterAll(() => trainer.close());

const html = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head><body><h1>My course</h1>${body}</body></html>`;

async function frameHeight(page: Page, id: string): Promise<number> {
  return page.evaluate((frameId) => document.getElementById(frameId)?.getBoundingClientRect().height ?? 0, id);
}

describe('embedding the lab in another site', () => {
  test('a lesson, a playground state and a try widget embed, size themselves and work; a regular page refuses', async () => {
    const lab = baseUrl();
    const lesson = firstLesson();
    pages.set(
      '/course',
      html(`
        <iframe id="lesson" src="${lab}/embed/lessons/${lesson.slug}?theme=dark" title="Lesson" width="800" height="200" style="width:100%;border:0"></iframe>
        <iframe id="playground" src="${lab}/embed/playground?v=1&p=basic-wrong-password&mode=manual" title="Playground" width="800" height="200"></iframe>
        <iframe id="try" src="${lab}/embed/try/basic-wrong-password" title="Try" width="800" height="150"
          sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms"></iframe>
        <iframe id="regular" src="${lab}/lessons/${lesson.slug}" title="Regular page" width="800" height="200"></iframe>
        <script src="${lab}/embed.js" async></script>`),
    );
    const session = await openBrowser();
    try {
      const { page } = session;
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/frame-ancestors/.test(message.text())) refused.push(message.text());
      });
      await page.goto(`${trainer.url()}/course`, { waitUntil: 'load' });

      // The embeds render without the site's chrome, in the theme asked for.
      const lessonFrame = page.frameLocator('#lesson');
      await lessonFrame.getByRole('heading', { level: 1, name: lesson.frontmatter.title }).waitFor();
      expect(await lessonFrame.getByRole('navigation').count()).toBe(0);
      expect(await lessonFrame.locator('html').getAttribute('class')).toContain('dark');

      // embed.js applies the heights the embeds post: taller than the 200 px they started with.
      await page.waitForFunction(() => (document.getElementById('lesson')?.getBoundingClientRect().height ?? 0) > 1000);
      await page.waitForFunction(() => (document.getElementById('try')?.getBoundingClientRect().height ?? 0) > 300);
      await page.waitForFunction(() => (document.getElementById('playground')?.getBoundingClientRect().height ?? 0) > 400);
      expect(await frameHeight(page, 'playground')).toBeGreaterThan(400);

      // A request sent inside the embed works (the try widget posts to the lab's /api/exchange).
      const tryFrame = page.frameLocator('#try');
      await tryFrame.getByRole('button', { name: 'Run it live' }).click();
      await tryFrame.getByText('Live result from the sandbox.').waitFor();

      // The playground state arrived, and the manual send inside the frame gets the sandbox's 401.
      const playgroundFrame = page.frameLocator('#playground');
      await playgroundFrame.getByRole('button', { name: 'Send' }).click();
      await playgroundFrame.getByText(/401/).first().waitFor();

      // A regular page refuses to be framed by another site.
      expect(await page.frameLocator('#regular').getByRole('heading', { name: lesson.frontmatter.title }).count()).toBe(0);
      expect(refused.join('\n')).toMatch(/frame-ancestors/);
    } finally {
      await session.close();
    }
  });

  test('inside an embed the keyboard leaves an editor with Esc and is never trapped', async () => {
    const lab = baseUrl();
    pages.set(
      '/keyboard',
      html(
        `<iframe id="pg" src="${lab}/embed/playground?v=1&p=basic&m=POST" title="Playground" width="900" height="900"></iframe><p><a href="#after">After the embed</a></p>`,
      ),
    );
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`${trainer.url()}/keyboard`, { waitUntil: 'load' });
      // Esc is the editor's own key handler: the embed must have hydrated.
      await hydratedFrame(page, '#pg');
      const frame = page.frameLocator('#pg');
      const body = frame.getByRole('textbox', { name: /^Body/ });
      await body.click();
      await page.keyboard.type('x=1');
      await page.keyboard.press('Escape');
      expect(await body.evaluate((element) => element === document.activeElement)).toBe(false);
      // Tabbing on from inside the frame reaches the trainer's page: nothing holds the focus.
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.textContent === 'After the embed')) break;
      }
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('After the embed');
    } finally {
      await session.close();
    }
  });

  test('the embed posts its height in the documented message', async () => {
    const lab = baseUrl();
    pages.set(
      '/listen',
      html(`<iframe id="f" src="${lab}/embed/try/digest" title="Try" width="600" height="100"></iframe>
      <script>window.seen = []; addEventListener('message', (e) => window.seen.push({ origin: e.origin, data: e.data }));</script>`),
    );
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`${trainer.url()}/listen`, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { seen: unknown[] }).seen.length > 0);
      const [first] = await page.evaluate(
        () => (window as unknown as { seen: { origin: string; data: { type: string; height: number; href: string } }[] }).seen,
      );
      expect(first?.origin).toBe(new URL(lab).origin);
      expect(first?.data.type).toBe(RESIZE_MESSAGE_TYPE);
      expect(first?.data.height).toBeGreaterThan(100);
      expect(first?.data.href).toBe(`${lab}/embed/try/digest`);
    } finally {
      await session.close();
    }
  });

  test("the message names the embed by origin and path only: a playground's state (its query) stays inside", async () => {
    const lab = baseUrl();
    const state = '?method=GET&target=%2Fapi%2Fsandbox%2Fbasic&h=Authorization%3ABasic%20c2VjcmV0OnBhc3N3b3Jk#x';
    pages.set(
      '/listen-playground',
      html(`<iframe id="f" src="${lab}/embed/playground${state}" title="Playground" width="600" height="100"></iframe>
      <script>window.seen = []; addEventListener('message', (e) => window.seen.push(e.data));</script>`),
    );
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`${trainer.url()}/listen-playground`, { waitUntil: 'load' });
      await page.waitForFunction(() => (window as unknown as { seen: unknown[] }).seen.length > 0);
      const seen = await page.evaluate(() => JSON.stringify((window as unknown as { seen: unknown[] }).seen));
      expect(JSON.parse(seen)).toContainEqual(expect.objectContaining({ href: `${lab}/embed/playground` }));
      expect(seen).not.toMatch(/c2VjcmV0|Authorization|method=/);
    } finally {
      await session.close();
    }
  });

  test("oEmbed: the response's html embeds what it says", async () => {
    const lab = baseUrl();
    const lesson = firstLesson();
    const section = lesson.toc.find((entry) => entry.depth === 2);
    if (!section) throw new Error('the first lesson has no ## heading');
    const response = await fetch(`${lab}/api/oembed?url=${encodeURIComponent(`${lab}/lessons/${lesson.slug}#${section.id}`)}&format=json`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    for (const field of ['version', 'type', 'html', 'width', 'height', 'title', 'provider_name', 'provider_url']) expect(body).toHaveProperty(field);
    expect(body.version).toBe('1.0');
    expect(body.type).toBe('rich');
    pages.set('/oembed', html(String(body.html)));
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.goto(`${trainer.url()}/oembed`, { waitUntil: 'load' });
      const frame = page.frameLocator('iframe');
      // Only that section shows: its heading, and not the lesson's first section when it is another one.
      await frame.getByRole('heading', { level: 2, name: section.text }).waitFor();
      const sections = await frame
        .locator('[data-section]')
        .evaluateAll((nodes) => nodes.map((node) => [node.getAttribute('data-section'), getComputedStyle(node).display]));
      expect(sections.filter(([, display]) => display !== 'none').map(([id]) => id)).toEqual([section.id]);
    } finally {
      await session.close();
    }
  });

  test('the Embed dialog: keyboard only, options change the code, Esc closes and returns focus', async () => {
    const session = await openBrowser({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/lessons/${firstLesson().slug}`);
      const button = page.getByRole('button', { name: 'Embed', exact: true });
      await button.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const code = dialog.getByRole('textbox', { name: 'HTML' });
      expect(await code.inputValue()).toContain(`/embed/lessons/${firstLesson().slug}"`);
      await dialog.getByRole('radio', { name: 'Dark' }).check();
      await dialog.getByRole('checkbox', { name: /Show the quiz/ }).uncheck();
      expect(await code.inputValue()).toContain(`/embed/lessons/${firstLesson().slug}?theme=dark&amp;quiz=hide"`);
      expect(await code.inputValue()).toContain('/embed.js');
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);

      // A section's own button opens the dialog on that section.
      const section = firstLesson().toc.find((entry) => entry.depth === 2);
      if (!section) throw new Error('no ## heading');
      // Per-heading buttons are for trainers: the switch shows them (tests/browser/lesson-opening.test.ts).
      await page.getByRole('button', { name: /For trainers/ }).click();
      await page.getByRole('button', { name: `Embed the section “${section.text}”` }).click();
      expect(await page.getByRole('dialog').getByRole('textbox', { name: 'URL' }).inputValue()).toContain(`?section=${section.id}`);
    } finally {
      await session.close();
    }
  });
});
