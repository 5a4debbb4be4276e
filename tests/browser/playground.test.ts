import type { Page } from 'playwright-core';
import { openBrowser } from './support/chromium';
import { axeViolations, baseUrl, COLOUR_RULES, openPage } from './support/site';

const result = (page: Page) => page.getByRole('region', { name: 'Result' });

async function send(page: Page) {
  const exchange = page.waitForResponse((response) => response.url().endsWith('/api/exchange'));
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  expect((await exchange).status()).toBe(200);
  await result(page)
    .getByText(/requests?: /)
    .first()
    .waitFor();
}

async function statuses(page: Page): Promise<string> {
  return (
    (await result(page)
      .getByText(/^\d+ requests?: /)
      .first()
      .textContent()) ?? ''
  );
}

describe('playground journeys', () => {
  test('Basic, by hand: 401 with a challenge, then 200 with the Authorization header', async () => {
    const session = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/playground?v=1&p=basic-missing-credentials`);
      await page.getByRole('radio', { name: /Manual: one request at a time/ }).check();
      await send(page);
      expect(await statuses(page)).toContain('1 request: 401');
      await expect(
        result(page)
          .getByRole('heading', { name: /Attempt 1:.*401 Unauthorized/ })
          .count(),
      ).resolves.toBe(1);

      await page.getByRole('button', { name: 'Add a header' }).click();
      await page.getByRole('textbox', { name: 'Header 1 name' }).fill('Authorization');
      await page.getByRole('textbox', { name: 'Header 1 value' }).fill('Basic YWxpY2U6d29uZGVybGFuZA==');
      await send(page);
      expect(await statuses(page)).toContain('1 request: 200');
      await expect(result(page).getByText('Access granted to "alice": 200 OK.').count()).resolves.toBe(1);
      // Both sends stay in the history while the page is open.
      await expect(page.getByRole('button', { name: /^Show / }).count()).resolves.toBe(2);
    } finally {
      await session.close();
    }
  });

  test('Digest in auto mode through a Digest proxy and a Digest origin: 407, 401, 200', async () => {
    const session = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/playground?v=1&p=proxy-then-origin`);
      await page.getByText('Configure the scenario').click();
      await page.getByRole('combobox', { name: 'Proxy hop' }).selectOption('digest');
      await page.getByRole('combobox', { name: 'Schemes offered, in order' }).selectOption('digest');
      await send(page);
      expect(await statuses(page)).toContain('3 requests: 407 → 401 → 200');
      const diagram = result(page).getByRole('img', { name: /Sequence diagram: 10 messages between Client, Proxy, Origin/ });
      await expect(diagram.count()).resolves.toBe(1);
      await expect(
        result(page)
          .getByText(/Proxy → Origin: request GET \+ Authorization \(attempt 3\)/)
          .count(),
      ).resolves.toBe(1);
      await expect(
        result(page)
          .getByText(/The origin server authenticates "alice" with Digest/)
          .count(),
      ).resolves.toBe(1);
    } finally {
      await session.close();
    }
  });

  test('Bearer: an expired token is refused with invalid_token, refreshed once, then accepted', async () => {
    const session = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/playground?v=1&p=bearer-expired-token`);
      await send(page);
      expect(await statuses(page)).toContain('3 requests: 401 → 401 → 200');
      await expect(
        result(page)
          .getByText(/The token expired \d+ s ago/)
          .count(),
      ).resolves.toBeGreaterThan(0);
      await expect(
        result(page)
          .getByText(/gets a new token once and retries/)
          .count(),
      ).resolves.toBe(1);
    } finally {
      await session.close();
    }
  });

  test('NTLM: three legs on connection 1; with a new connection per request, refused on connection 3 (keyboard only, axe light and dark)', async () => {
    const session = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/playground?v=1&p=ntlm`);
      await send(page);
      expect(await statuses(page)).toContain('3 requests: 401 → 401 → 200');
      const headings = result(page).getByRole('heading', { level: 3, name: /^Attempt \d/ });
      await expect(headings.allTextContents()).resolves.toEqual([
        expect.stringMatching(/from the origin, new connection 1$/),
        expect.stringMatching(/from the origin, connection 1$/),
        expect.stringMatching(/from the origin, connection 1$/),
      ]);
      await expect(result(page).getByText('Client → Origin: request GET + Authorization (attempt 3, on connection 1)').count()).resolves.toBe(1);

      // By keyboard: the connections radio group is one tab stop, the arrow key moves to "a new connection for each request".
      const keepAlive = page.getByRole('radio', { name: /^Keep one connection alive/ });
      await keepAlive.focus();
      await page.keyboard.press('ArrowDown');
      await expect(page.getByRole('radio', { name: /^Open a new connection for each request/ }).isChecked()).resolves.toBe(true);
      await page.getByRole('button', { name: 'Send', exact: true }).focus();
      const exchange = page.waitForResponse((response) => response.url().endsWith('/api/exchange'));
      await page.keyboard.press('Enter');
      expect((await exchange).status()).toBe(200);
      await result(page)
        .getByText(/^3 requests: 401 → 401 → 401/)
        .first()
        .waitFor();
      await expect(headings.last().textContent()).resolves.toMatch(/new connection 3$/);
      await expect(
        result(page)
          .getByText(/connection 3, but the CHALLENGE it answers was issued on connection 2/)
          .count(),
      ).resolves.toBe(1);

      await expect(axeViolations(page)).resolves.toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
      await expect(axeViolations(page, COLOUR_RULES)).resolves.toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('a shared link reopens the same setup', async () => {
    const first = await openBrowser();
    let link = '';
    try {
      const { page } = first;
      await openPage(page, `${baseUrl()}/playground`);
      await page.getByRole('combobox', { name: 'Preset' }).selectOption('forbidden-by-role');
      await page.getByText('Configure the scenario').click();
      await page.getByRole('combobox', { name: 'Authenticated but not permitted' }).selectOption('404');
      await page.getByRole('button', { name: 'Add a header' }).click();
      await page.getByRole('textbox', { name: 'Header 1 name' }).fill('X-Trace');
      await page.getByRole('textbox', { name: 'Header 1 value' }).fill('lesson "6"');
      await page.waitForFunction(() => window.location.search.includes('X-Trace'));
      link = page.url();
    } finally {
      await first.close();
    }
    const second = await openBrowser();
    try {
      const { page } = second;
      await openPage(page, link);
      // The page reads the state from its address once it runs: the added header shows when it has.
      await page.getByRole('textbox', { name: 'Header 1 value' }).waitFor();
      await expect(page.getByRole('combobox', { name: 'Preset' }).inputValue()).resolves.toBe('forbidden-by-role');
      await expect(page.getByRole('combobox', { name: 'Method' }).inputValue()).resolves.toBe('DELETE');
      await expect(page.getByRole('textbox', { name: 'Path and query (on the sandbox)' }).inputValue()).resolves.toBe(
        '/api/sandbox/presets/forbidden-by-role?status=404',
      );
      await expect(page.getByRole('textbox', { name: 'Header 1 value' }).inputValue()).resolves.toBe('lesson "6"');
      await send(page);
      expect(await statuses(page)).toContain('2 requests: 401 → 404');
    } finally {
      await second.close();
    }
  });
});
