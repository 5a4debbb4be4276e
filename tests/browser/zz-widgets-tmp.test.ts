import { openBrowser, type ColorScheme } from './support/chromium';
import { axeViolations, baseUrl, screenshotPath } from './support/site';

describe('tmp widget demo', () => {
  test.each(['light', 'dark'] as ColorScheme[])('axe %s', async (theme) => {
    const session = await openBrowser({ colorScheme: theme });
    try {
      await session.page.goto(`${baseUrl()}/lessons/widget-demo`, { waitUntil: 'networkidle' });
      await session.page.getByRole('radio', { name: 'álice' }).check();
      await session.page.getByRole('button', { name: 'Check answer' }).first().click();
      expect(await axeViolations(session.page)).toEqual([]);
      await session.page.screenshot({ path: screenshotPath(`widgets-${theme}`), fullPage: true });
    } finally {
      await session.close();
    }
  });
  test('phone + reload', async () => {
    const session = await openBrowser({ viewport: { width: 360, height: 740 } });
    try {
      const { page } = session;
      await page.goto(`${baseUrl()}/lessons/widget-demo`, { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath('widgets-phone'), fullPage: true });
      await page.getByRole('radio', { name: 'a:lice' }).check();
      await page.getByRole('button', { name: 'Check answer' }).first().click();
      await page.goto(`${baseUrl()}/lessons`, { waitUntil: 'networkidle' });
      await expect(page.getByText('1 of 2 quiz questions answered').count()).resolves.toBe(1);
      await page.reload({ waitUntil: 'networkidle' });
      await expect(page.getByText('1 of 2 quiz questions answered').count()).resolves.toBe(1);
      await page.screenshot({ path: screenshotPath('widgets-list'), fullPage: true });
    } finally {
      await session.close();
    }
  });
});
