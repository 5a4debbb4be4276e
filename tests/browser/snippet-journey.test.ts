import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { openBrowser } from './support/chromium';
import { baseUrl, openPage } from './support/site';

// Issue 16, bug 2: the playground's curl snippet must have the conversation the playground showed.
// A reader picks a preset, types the credentials, sends, copies the curl snippet with its button and
// runs exactly what was copied; curl must end where the playground's conversation ended.

const run = promisify(execFile);

/** "2 requests: 401 → 200" under Result: the status the conversation ended with. */
async function playgroundFinalStatus(page: Page): Promise<number> {
  const summary = page
    .getByRole('region', { name: 'Result' })
    .getByText(/^\d+ requests?: /)
    .first();
  await summary.waitFor();
  // The line ends with the elapsed time, "(103 ms)": only the arrowed list before it is statuses.
  const text = (await summary.textContent()) ?? '';
  const list = /^\d+ requests?: (\d{3}(?: → \d{3})*)(?: \(|$)/.exec(text)?.[1];
  if (list === undefined) throw new Error(`no status list in ${JSON.stringify(text)}`);
  return Number(list.split(' → ').at(-1));
}

/** curl -i prints a status line per response; the last is where its conversation ended. */
function curlFinalStatus(output: string): number {
  const last = [...output.matchAll(/^HTTP\/[\d.]+ (\d{3})\b/gm)].at(-1);
  if (!last) throw new Error(`no status line in:\n${output}`);
  return Number(last[1]);
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

      // The copied text is the product: bash runs it as pasted. No proxy from the environment, so
      // the only server (and the only proxy) it reaches is the lab on loopback.
      const env = { ...process.env };
      for (const name of Object.keys(env)) if (/^(all|https?|no)_proxy$/i.test(name)) delete env[name];
      const { stdout } = await run('bash', ['-c', copied], { encoding: 'utf8', timeout: 20_000, env });
      expect(curlFinalStatus(stdout)).toBe(shown);
    } finally {
      await session.close();
    }
  });
});
