import { openBrowser, type ColorScheme } from './support/chromium';
import { axeViolationsInTheme, baseUrl, openPage, watchForProblems } from './support/site';

// Lesson 10's decision tree in real Chromium: keyboard only, axe-clean in both themes at the first
// question and at a cause, and readable without JavaScript and in print (the outline).
const lessonUrl = () => `${baseUrl()}/lessons/troubleshooting-401`;

describe('the troubleshooter in lesson 10', () => {
  test.each<ColorScheme>(['light', 'dark'])('walks from the symptom to a cause by keyboard alone, axe-clean (%s)', async (colorScheme) => {
    const session = await openBrowser({ colorScheme });
    try {
      const { page } = session;
      const problems = watchForProblems(page, lessonUrl());
      await openPage(page, lessonUrl());
      const tree = page.getByRole('region', { name: 'Troubleshooter' });
      expect(await axeViolationsInTheme(page, colorScheme)).toEqual([]);

      await tree.getByRole('button', { name: '403 Forbidden' }).focus();
      await page.keyboard.press('Enter');
      const second = tree.getByRole('heading', { name: /^Question 2: Does the 403 carry/ });
      await second.waitFor();
      expect(await second.evaluate((heading) => heading === document.activeElement)).toBe(true);

      // From the focused heading, Tab reaches the answers in order.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const cause = tree.getByRole('heading', { name: 'Cause: The token lacks a scope' });
      await cause.waitFor();
      expect(await cause.evaluate((heading) => heading === document.activeElement)).toBe(true);
      expect(await tree.getByRole('link', { name: 'RFC 6750 §3.1' }).getAttribute('href')).toBe('https://www.rfc-editor.org/rfc/rfc6750#section-3.1');
      expect(await tree.getByRole('status').textContent()).toBe('Cause found: The token lacks a scope');
      expect(await axeViolationsInTheme(page, colorScheme)).toEqual([]);

      await tree.getByRole('button', { name: 'Start over' }).click();
      await tree.getByRole('heading', { name: /^Question 1:/ }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('without JavaScript the first question and the whole tree are there; in print the outline is open', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      await page.route('**/*.js', (route) => route.abort());
      await page.goto(lessonUrl(), { waitUntil: 'load' });
      const tree = page.getByRole('region', { name: 'Troubleshooter' });
      expect(await tree.getByRole('heading', { name: /^Question 1: What did the failing request get back\?/ }).isVisible()).toBe(true);

      const outline = tree.locator('details');
      const aCause = outline.getByText('Cause: A CORS preflight answered 401');
      expect(await aCause.isVisible()).toBe(false);
      await outline.getByText('The whole tree as a list').click();
      expect(await aCause.isVisible()).toBe(true);

      await page.reload({ waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      expect(await tree.locator('details').getByText('Cause: A CORS preflight answered 401').isVisible()).toBe(true);
    } finally {
      await session.close();
    }
  });
});
