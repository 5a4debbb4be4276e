import { openBrowser } from './support/chromium';
import { coursePage, labFrame, trainerSite, visibleSandboxCommands } from './support/trainer-site';
import { axeViolations, baseUrl, firstLesson, hydratedFrame } from './support/site';

// Issue 16, bug 5: what a trainer's readers meet in an embed. A second local origin plays the trainer's
// site and frames the lab with the iframe code the Embed dialog gives (lib/site/embed.ts, iframeCode).
// journeys-firefox.test.ts walks the first journey in Firefox.

const trainer = trainerSite();
const pages = trainer.pages;
beforeAll(() => trainer.start());
afterAll(() => trainer.close());

describe('embeds in a trainer’s page', () => {
  test('a lesson embedded without the sandbox shows no sandbox command or widget, and says once that they are hidden', async () => {
    const lesson = firstLesson();
    const src = `${baseUrl()}/embed/lessons/${lesson.slug}`;
    pages.set('/no-sandbox', coursePage(labFrame('without', `${src}?sandbox=hide`) + labFrame('with', src)));
    const session = await openBrowser();
    try {
      await session.page.goto(`${trainer.url()}/no-sandbox`, { waitUntil: 'load' });
      const without = await hydratedFrame(session.page, '#without');
      const withSandbox = await hydratedFrame(session.page, '#with');

      // The same lesson with the sandbox shown has them: the count below can fail.
      expect(await withSandbox.evaluate(visibleSandboxCommands)).toBeGreaterThan(5);
      expect(await without.evaluate(visibleSandboxCommands)).toBe(0);
      expect(await without.locator('[data-embed-part="sandbox"]:visible').count()).toBe(0);

      const note = without.getByText(/hidden in this embed/);
      expect(await note.count()).toBe(1);
      expect(await note.isVisible()).toBe(true);
      expect(await withSandbox.getByText(/hidden in this embed/).isVisible()).toBe(false);

      expect(await axeViolations(without)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('a mistyped preset shows the embed’s own 404, whose links open the lab in a new tab, not in the frame', async () => {
    const src = `${baseUrl()}/embed/try/proxy-then-orign`; // "origin" mistyped
    pages.set('/typo', coursePage(labFrame('typo', src)));
    const session = await openBrowser();
    try {
      const { page } = session;
      const document = page.waitForResponse((response) => response.url() === src);
      await page.goto(`${trainer.url()}/typo`, { waitUntil: 'load' });
      const response = await document;
      expect(response.status()).toBe(404);
      // The embed policy (proxy.ts), not the site's frame-ancestors 'self': else the frame would stay empty.
      expect(response.headers()['content-security-policy']).toMatch(/frame-ancestors \*/);

      const frame = await hydratedFrame(page, '#typo');
      expect(await frame.getByRole('heading', { level: 1 }).textContent()).toBe('This embed does not exist');
      expect(await frame.getByRole('navigation').count()).toBe(0);
      expect(await frame.locator('header').count()).toBe(0);

      const links = frame.getByRole('link');
      expect(await links.count()).toBeGreaterThan(0);
      for (const link of await links.all()) {
        expect(await link.getAttribute('target')).toBe('_blank');
        expect(await link.getAttribute('rel')).toContain('noopener');
      }

      const popup = page.waitForEvent('popup');
      await links.first().click();
      expect(new URL((await popup).url()).origin).toBe(baseUrl());
      expect(frame.url()).toBe(src);

      expect(await axeViolations(frame)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
