import { openBrowser } from './support/chromium';
import { baseUrl, firstLesson, openPage, reloadPage, watchForProblems } from './support/site';

const lessonUrl = () => `${baseUrl()}/lessons/${firstLesson().slug}`;

describe('reading a lesson', () => {
  test('a table-of-contents link scrolls its section into view', async () => {
    const session = await openBrowser({ viewport: { width: 1440, height: 900 } });
    try {
      const { page } = session;
      await openPage(page, lessonUrl());
      const toc = page.getByRole('navigation', { name: 'On this page' });
      const target = firstLesson().toc.at(-1);
      if (!target) throw new Error('the first lesson has no sections');
      await toc.getByRole('link', { name: target.text, exact: true }).click();
      await page.waitForFunction((id) => {
        const heading = document.getElementById(id);
        if (!heading) return false;
        const top = heading.getBoundingClientRect().top;
        return top >= 0 && top < window.innerHeight / 2;
      }, target.id);
      expect(new URL(page.url()).hash).toBe(`#${target.id}`);
      // The heading is not hidden under the sticky header.
      const headerBottom = await page.getByRole('banner').evaluate((header) => header.getBoundingClientRect().bottom);
      const headingTop = await page.locator(`[id="${target.id}"]`).evaluate((heading) => heading.getBoundingClientRect().top);
      expect(headingTop).toBeGreaterThanOrEqual(headerBottom);
    } finally {
      await session.close();
    }
  });

  test("on a phone, every section's Embed button (shown for trainers) sits on its heading's first line, never alone below it", async () => {
    const session = await openBrowser({ viewport: { width: 360, height: 740 } });
    try {
      const { page } = session;
      await openPage(page, lessonUrl());
      await page.getByRole('button', { name: /For trainers/ }).click();
      // Line breaks depend on the lesson's own fonts being in. Every section laid out (as a jump does,
      // lib/site/deferred-sections.ts): Chromium may report a zero box for a heading in a section it skips.
      await page.evaluate(() => document.fonts.ready);
      await page.evaluate(() => document.documentElement.setAttribute('data-all-sections', ''));
      const boxes = await page.locator('.section-heading').evaluateAll((wrappers) =>
        wrappers.map((wrapper) => {
          const heading = wrapper.querySelector('h2')?.getBoundingClientRect();
          const button = wrapper.querySelector('button')?.getBoundingClientRect();
          const line = heading ? Number.parseFloat(getComputedStyle(wrapper.querySelector('h2') as Element).lineHeight) : 0;
          return { text: wrapper.textContent, heading, button, line };
        }),
      );
      expect(boxes.length).toBeGreaterThan(3);
      // At 360 px some headings take two lines: the button must still start on the first one, to the right.
      expect(boxes.some(({ heading, line }) => (heading?.height ?? 0) > line * 1.5)).toBe(true);
      for (const { text, heading, button, line } of boxes) {
        if (!heading || !button) throw new Error(`no heading or button in ${text}`);
        expect({ text, onFirstLine: button.top < heading.top + line, right: button.left >= heading.right - 1 }).toEqual({
          text,
          onFirstLine: true,
          right: true,
        });
      }
    } finally {
      await session.close();
    }
  });

  test('the chosen theme survives a reload, and the system theme can be followed again', async () => {
    const session = await openBrowser({ colorScheme: 'light' });
    try {
      const { page } = session;
      await openPage(page, lessonUrl());
      const isDark = () => page.evaluate(() => document.documentElement.classList.contains('dark'));
      expect(await isDark()).toBe(false);
      await page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await isDark()).toBe(true);
      await reloadPage(page);
      expect(await isDark()).toBe(true);
      // The toggle reads the stored choice once hydrated.
      await page.getByRole('button', { name: 'Dark theme', pressed: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
      await page.getByRole('button', { name: 'System theme' }).click();
      expect(await isDark()).toBe(false);
      await reloadPage(page);
      expect(await isDark()).toBe(false);
    } finally {
      await session.close();
    }
  });

  test('the dark theme is applied before first paint (no flash of the light theme)', async () => {
    const session = await openBrowser({ colorScheme: 'light' });
    try {
      const { page } = session;
      await openPage(page, lessonUrl());
      await page.getByRole('button', { name: 'Dark theme' }).click();
      // Without any of the app's JavaScript, only the inline head script can choose the theme.
      await page.route('**/*.js', (route) => route.abort());
      await page.goto(lessonUrl(), { waitUntil: 'load' });
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(background).toBe('rgb(13, 17, 23)');
    } finally {
      await session.close();
    }
  });

  test('a code block’s copy button puts exactly its code on the clipboard', async () => {
    const session = await openBrowser({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const { page } = session;
      await openPage(page, lessonUrl());
      // The first code block (Shiki's pre): widgets such as <Exchange> are figures too, without a copy button.
      const block = page
        .getByRole('figure')
        .filter({ has: page.locator('pre.shiki') })
        .first();
      const code = (await block.locator('pre').innerText()).replace(/\n$/, '');
      await block.getByRole('button', { name: /^Copy/ }).click();
      await block.getByRole('status').getByText('Copied to the clipboard.').waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    } finally {
      await session.close();
    }
  });

  test('keyboard only: skip link, then main content; theme buttons work with the keyboard', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await openPage(page, lessonUrl());
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: 'Skip to main content' });
      expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
      expect(await skip.isVisible()).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

      await page.getByRole('button', { name: 'Dark theme' }).focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
      await page.getByRole('button', { name: 'Light theme' }).focus();
      await page.keyboard.press('Space');
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    } finally {
      await session.close();
    }
  });

  test('progress: "Mark lesson as done" shows as Completed in the lesson list, and survives a reload', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      const title = firstLesson().frontmatter.title;
      const sent: string[] = [];
      page.on('request', (request) => {
        if (request.method() !== 'GET' || !request.url().startsWith(baseUrl())) sent.push(`${request.method()} ${request.url()}`);
      });
      const listEntry = () => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
      await openPage(page, `${baseUrl()}/lessons`);
      expect(await listEntry().getByText('Completed').count()).toBe(0);
      await openPage(page, lessonUrl());
      await page.getByRole('button', { name: 'Mark lesson as done' }).click();
      await page.getByRole('status').getByText('You marked this lesson as done.').waitFor();
      await openPage(page, `${baseUrl()}/lessons`);
      await listEntry().getByText('Completed').waitFor();
      await reloadPage(page);
      await listEntry().getByText('Completed').waitFor();
      // Nothing about progress left the browser: every request was a GET for the site's own files.
      expect(sent).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('progress with storage blocked: the page still works, in memory, without errors', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      const problems = watchForProblems(page, lessonUrl());
      await page.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      });
      await openPage(page, lessonUrl());
      const button = page.getByRole('button', { name: 'Mark lesson as done' });
      await button.click();
      await page.getByRole('status').getByText('You marked this lesson as done.').waitFor();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(problems).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
