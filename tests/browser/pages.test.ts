import { openBrowser, type ColorScheme } from './support/chromium';
import { axeViolations, baseUrl, screenshotPath, sitePages, watchForProblems } from './support/site';

const cases = sitePages().flatMap((page) => (['light', 'dark'] as ColorScheme[]).map((theme) => ({ ...page, theme })));

describe('every page type, in both themes', () => {
  test.each(cases)('$name ($path) in $theme: right status, no console errors, no axe violations', async ({ name, path, status, theme, chrome }) => {
    const session = await openBrowser({ colorScheme: theme });
    try {
      const url = `${baseUrl()}${path}`;
      const problems = watchForProblems(session.page, url);
      const response = await session.page.goto(url, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(status);
      // The system theme is followed before first paint (no toggle used yet).
      expect(await session.page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(theme === 'dark');
      // Site pages carry the header; embeds are chrome-less but still say where they come from.
      await expect(session.page.getByRole('banner').getByRole('link', { name: 'HTTP Auth Lab' }).count()).resolves.toBe(chrome === false ? 0 : 1);
      if (chrome === false) await expect(session.page.getByRole('contentinfo').getByText('From HTTP Auth Lab').count()).resolves.toBe(1);
      await expect(session.page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
      expect(await axeViolations(session.page)).toEqual([]);
      await session.page.screenshot({ path: screenshotPath(`${name}-${theme}`), fullPage: true });
      // Chromium logs the document's own 404 as a console error; any failing sub-request is still caught above.
      const documentStatusLog = `console: Failed to load resource: the server responded with a status of ${status} (Not Found)`;
      expect(problems.filter((problem) => !(status === 404 && problem === documentStatusLog))).toEqual([]);
    } finally {
      await session.close();
    }
  });
});

describe('small screens', () => {
  test.each(sitePages())('$name fits a 360 px wide phone without sideways scrolling', async ({ name, path, chrome }) => {
    const session = await openBrowser({ viewport: { width: 360, height: 740 } });
    try {
      await session.page.goto(`${baseUrl()}${path}`, { waitUntil: 'networkidle' });
      const overflow = await session.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (chrome !== false) await expect(session.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).isVisible()).resolves.toBe(true);
      await session.page.screenshot({ path: screenshotPath(`${name}-phone`), fullPage: true });
    } finally {
      await session.close();
    }
  });
});
