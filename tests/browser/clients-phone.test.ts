jest.setTimeout(90_000);
// Issue 21: the client matrix "reads well on a phone too" and "filters by scheme". On a 360 px phone,
// with JavaScript off (the filter is links to static pages), a reader taps a scheme and gets only its
// cases, sees several clients beside each case rather than one, and the page itself never scrolls
// sideways: only the matrix does, inside its region. (axe checks the filtered page in pages.test.ts.)
import { openBrowser } from './support/chromium';
import { baseUrl } from './support/site';

const PHONE = { width: 360, height: 740 };

test('on a 360 px phone without JavaScript: filter to Digest, then read five clients at a glance', async () => {
  const { page, close } = await openBrowser({ viewport: PHONE, hasTouch: true, javaScriptEnabled: false });
  try {
    await page.goto(`${baseUrl()}/clients`, { waitUntil: 'load' });
    const filter = page.getByRole('navigation', { name: 'Filter by scheme' });
    await filter.getByRole('link', { name: /^Digest/ }).tap();
    await page.waitForURL('**/clients/groups/digest#matrix-heading');
    await expect(filter.getByRole('link', { name: /^Digest/ }).getAttribute('aria-current')).resolves.toBe('page');

    const table = page.getByRole('table', { name: /Verdict of each client/ });
    const groups = await table
      .getByRole('columnheader')
      .evaluateAll((cells) => cells.filter((c) => c.getAttribute('scope') === 'colgroup').map((c) => c.textContent));
    expect(groups).toEqual(['Digest']);

    // The page is as wide as the phone; the matrix scrolls inside its region.
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    const region = page.getByRole('region', { name: /scrolls sideways/ });
    const box = await region.boundingBox();
    if (!box) throw new Error('the matrix is not on the page');
    // Client columns whose heading lies wholly inside the region before any sideways scroll.
    const headings = page.locator('thead th[scope="col"]');
    const shown = (await headings.evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })))).slice(1);
    expect(shown.filter((r) => r.right <= box.x + box.width).length).toBeGreaterThanOrEqual(5);

    // Each cell still says its verdict in words to a screen reader, and is a target a finger can hit (WCAG 2.5.8).
    const cell = table.getByRole('link', { name: /^curl: (follows|differs|fails)$/ }).first();
    const target = await cell.boundingBox();
    expect(target && target.width >= 24 && target.height >= 24).toBe(true);
  } finally {
    await close();
  }
});
