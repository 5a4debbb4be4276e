import type { Page } from 'playwright-core';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { openBrowser } from './support/chromium';
import { baseUrl, openPage } from './support/site';
import { curlFinalStatus, RESULT_SUMMARY, runPasted, summaryFinalStatus } from './support/snippet-run';

// Issue 16, bug 2: the playground's curl snippet must have the conversation the playground showed.
// A reader picks a preset, types the credentials, sends, copies the curl snippet with its button and
// runs exactly what was copied; curl must end where the playground's conversation ended.
// journeys-firefox.test.ts walks the same journey in Firefox, from a lesson's link.

/** "2 requests: 401 → 200" under Result: the status the conversation ended with. */
async function playgroundFinalStatus(page: Page): Promise<number> {
  const summary = page.getByRole('region', { name: 'Result' }).getByText(RESULT_SUMMARY).first();
  await summary.waitFor();
  return summaryFinalStatus((await summary.textContent()) ?? '');
}

async function typeCredentials(page: Page, hop: string, user: string, password: string) {
  const fields = page.getByRole('group', { name: hop });
  await fields.getByRole('textbox', { name: 'User' }).fill(user);
  await fields.getByRole('textbox', { name: 'Password' }).fill(password);
}

describe('playground → curl snippet', () => {
  test.each([
    ['basic-missing-credentials', 'alice', 'wonderland'],
    ['basic-wrong-password', 'alice', 'looking-glass'],
    ['digest', 'alice', 'wonderland'],
    ['proxy-then-origin', 'alice', 'wonderland'],
  ])('%s with %s / %s: the copied curl command ends with the playground’s status', async (presetId, user, password) => {
    const preset = findPreset(presetId);
    if (!preset) throw new Error(`no preset ${presetId}`);
    const session = await openBrowser({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/playground`);
      await page.getByRole('combobox', { name: 'Preset' }).selectOption(presetId);
      await typeCredentials(page, 'For the origin (Authorization)', user, password);
      if (preset.scenario.proxy) await typeCredentials(page, 'For the proxy (Proxy-Authorization)', user, password);
      const exchange = page.waitForResponse((response) => response.url().endsWith('/api/exchange'));
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      expect((await exchange).status()).toBe(200);
      const shown = await playgroundFinalStatus(page);

      await page.getByRole('tab', { name: 'curl' }).click();
      await page.getByRole('button', { name: 'Copy snippet' }).click();
      await page.getByText('Copied to the clipboard.').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await page.getByLabel('Snippet', { exact: true }).textContent());

      // The copied text is the product: bash runs it as pasted.
      const stdout = await runPasted(copied);
      expect(curlFinalStatus(stdout)).toBe(shown);
    } finally {
      await session.close();
    }
  });
});
