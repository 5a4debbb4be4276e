import type { Page } from 'playwright-core';
import { openBrowser } from './support/chromium';
import { axeViolations, baseUrl, openPage, watchForProblems } from './support/site';

// Issue #16: manual mode used to stall after the 401 ("you decide what to send next") with nothing
// pointing to the header builder. This walks the fix against the real server, by keys and clicks:
// 401 with a Digest challenge -> "Answer this challenge" -> builder filled from that 401 -> the
// header in the request -> Send -> 200.

const result = (page: Page) => page.getByRole('region', { name: 'Result' });

async function exchanged(page: Page, act: () => Promise<void>) {
  const exchange = page.waitForResponse((response) => response.url().endsWith('/api/exchange'));
  await act();
  expect((await exchange).status()).toBe(200);
}

describe('manual mode: answering a challenge by hand', () => {
  test('Digest: 401, "Answer this challenge", build the header from that 401, send it, 200', async () => {
    const session = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    try {
      const { page } = session;
      const url = `${baseUrl()}/playground?v=1&p=digest`;
      const problems = watchForProblems(page, url);
      await openPage(page, url);
      await page.getByRole('radio', { name: /Manual: one request at a time/ }).check();
      await exchanged(page, () => page.getByRole('button', { name: 'Send', exact: true }).click());
      await result(page).getByText('1 request: 401').first().waitFor();

      // Header values wrap at spaces and split a word only when it cannot fit (never realm="report|s").
      const wrapping = await result(page)
        .getByRole('table', { name: 'Response headers, attempt 1' })
        .locator('td')
        .first()
        .evaluate((cell) => [getComputedStyle(cell).wordBreak, getComputedStyle(cell).overflowWrap]);
      expect(wrapping).toEqual(['normal', 'break-word']);

      // Keyboard: focus the offer and press Enter; focus moves to the builder it opens.
      const offer = result(page).getByRole('button', { name: 'Answer this challenge' });
      await offer.focus();
      await page.keyboard.press('Enter');
      await expect(offer.getAttribute('aria-expanded')).resolves.toBe('true');
      const heading = result(page).getByRole('heading', { name: 'Answer the 401 with Authorization' });
      await page.waitForFunction(() => document.activeElement?.textContent === 'Answer the 401 with Authorization');
      await expect(heading.count()).resolves.toBe(1);

      // Pre-filled from that 401: the Digest tab, its realm and the nonce the server sent.
      const sent401 = (await result(page).getByRole('table', { name: 'Response headers, attempt 1' }).textContent()) ?? '';
      const nonce = /nonce="([^"]+)"/.exec(sent401)?.[1];
      expect(nonce).toBeDefined();
      const panel = result(page).getByRole('tabpanel', { name: 'Digest' });
      await panel.locator('p', { hasText: /^Answering Digest .*, realm "reports"/ }).waitFor();
      await expect(panel.getByText(nonce ?? '', { exact: true }).count()).resolves.toBe(1);
      expect(await axeViolations(page)).toEqual([]);

      await panel.getByRole('button', { name: 'Use this header' }).click();
      const value = await page.getByRole('group', { name: '2. Request' }).getByRole('textbox', { name: 'Header 1 value' }).inputValue();
      expect(value).toMatch(/^Digest username="alice", realm="reports", /);
      expect(value).toContain(`nonce="${nonce}"`);

      await exchanged(page, () => result(page).getByRole('button', { name: 'Send the answer' }).click());
      await result(page).getByText('1 request: 200').first().waitFor();
      await expect(result(page).getByRole('button', { name: 'Answer this challenge' }).count()).resolves.toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('the site has an icon at /favicon.ico, and the home link is named without the logo glyph', async () => {
    const session = await openBrowser();
    try {
      const { page } = session;
      const icon = await page.request.get(`${baseUrl()}/favicon.ico`);
      expect(icon.status()).toBe(200);
      expect(icon.headers()['content-type']).toMatch(/^image\//);
      await openPage(page, `${baseUrl()}/`);
      // The icon the page links to loads under the page's own CSP (img-src 'self').
      const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
      expect(href).toBeTruthy();
      const linked = await page.evaluate(async (path) => (await fetch(path ?? '')).status, href);
      expect(linked).toBe(200);
      await expect(page.getByRole('banner').getByRole('link', { name: 'HTTP Auth Lab', exact: true }).count()).resolves.toBe(1);
    } finally {
      await session.close();
    }
  });
});
