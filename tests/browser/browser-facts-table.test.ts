// <BrowserFacts> on a real lesson page: axe (WCAG 2.2 AA) in both themes, and each table readable as a
// table (caption as its name, engine column headers, a row header per fact).
import { openBrowser } from './support/chromium';
import { axeViolationsInTheme, baseUrl, openPage } from './support/site';

describe('<BrowserFacts> in "What browsers do with a 401"', () => {
  test.each(['light', 'dark'] as const)('%s theme: no axe violations; tables named by their captions', async (colorScheme) => {
    const session = await openBrowser({ colorScheme });
    try {
      await openPage(session.page, `${baseUrl()}/lessons/browsers-and-401`);
      const table = session.page.getByRole('table', { name: /The login dialog in Chromium and Firefox, as tested/ });
      await table.waitFor();
      expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['When', 'Chromium', 'Firefox']);
      expect(await table.getByRole('rowheader').count()).toBe(4);
      expect(await axeViolationsInTheme(session.page, colorScheme)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
