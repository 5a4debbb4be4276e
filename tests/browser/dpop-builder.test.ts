jest.setTimeout(90_000);
// The DPoP proof builder (issue 19) in Chromium, keyboard only: a key made by WebCrypto, a token bound to it
// from the lab's own authorization server (signed in as alice), the DPoP resource through its nonce round
// trip to 200, then one field broken (htu) and refused. Then axe over the filled-in section, light and dark.
import type { Locator, Page } from 'playwright-core';
import { openBrowser } from './support/chromium';
import { axeViolations, baseUrl, COLOUR_RULES, openPage, watchForProblems } from './support/site';

const section = (page: Page) => page.getByRole('region', { name: 'DPoP proof builder' });
const exchange = (page: Page, name: string | RegExp) => section(page).getByRole('article', { name });

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard user moves on. */
async function tabTo(page: Page, target: Locator, limit = 8) {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${String(target)} in ${limit} presses`);
}

test('generate a key, get a DPoP-bound token as alice, nonce round trip to 200, then a broken htu is refused', async () => {
  const session = await openBrowser({ viewport: { width: 1300, height: 1000 } });
  try {
    const { page } = session;
    const documentUrl = `${baseUrl()}/playground#dpop`;
    await openPage(page, documentUrl);
    const problems = watchForProblems(page, documentUrl);
    const status = section(page).getByRole('status');

    await section(page).getByRole('button', { name: 'Generate a key' }).focus();
    await page.keyboard.press('Enter');
    await status.filter({ hasText: /^Key generated\. Thumbprint / }).waitFor();
    const jkt = ((await status.textContent()) ?? '').replace(/^Key generated\. Thumbprint |\.$/g, '');

    await tabTo(page, section(page).getByRole('textbox', { name: 'User name' }));
    await page.keyboard.type('alice');
    await page.keyboard.press('Tab');
    await page.keyboard.type('wonderland');
    await page.keyboard.press('Enter');
    await status.filter({ hasText: /^Token issued/ }).waitFor();
    // The token endpoint's nonce round trip (RFC 9449 §8), then a token whose cnf.jkt is the key's thumbprint.
    await expect(exchange(page, 'Token request with a proof, no nonce yet').textContent()).resolves.toMatch(/Refused: 400 use_dpop_nonce[\s\S]*DPoP-Nonce:/);
    await expect(exchange(page, 'Token request again, with the nonce').textContent()).resolves.toContain('Accepted: 200');
    await expect(section(page).getByRole('figure', { name: "The access token's claims" }).textContent()).resolves.toContain(`"jkt": "${jkt}"`);
    await expect(section(page).getByText(`cnf.jkt ${jkt} is your key\u2019s thumbprint`).count()).resolves.toBe(1);

    const send = section(page).getByRole('button', { name: 'Sign and send GET /api/sandbox/oauth/dpop' });
    await tabTo(page, send, 40);
    await page.keyboard.press('Enter');
    await status.filter({ hasText: /^Refused: 401 use_dpop_nonce$/ }).waitFor();
    await expect(exchange(page, /^Call 1:/).textContent()).resolves.toContain('DPoP-Nonce:');
    await page.keyboard.press('Enter');
    await status.filter({ hasText: /^Accepted: 200$/ }).waitFor();

    // The radio group: Tab reaches the checked radio, arrow keys move the choice.
    const htu = section(page).getByRole('radio', { name: 'htu: another URL' });
    await tabTo(page, section(page).getByRole('radio', { checked: true }));
    for (let presses = 0; presses < 12 && !(await htu.isChecked()); presses++) await page.keyboard.press('ArrowDown');
    await expect(htu.isChecked()).resolves.toBe(true);
    await tabTo(page, section(page).getByRole('button', { name: 'Send the broken request' }));
    await page.keyboard.press('Enter');
    await status.filter({ hasText: /^Refused: 401 invalid_dpop_proof\. .*htu/ }).waitFor();
    const broken = exchange(page, 'Broken request: htu: another URL');
    await expect(broken.textContent()).resolves.toMatch(/Refused: 401 invalid_dpop_proof[\s\S]*The lab says: .*htu/);
    // The refusals the journey asked for are the only failed loads (Chromium logs each in the console); no script error.
    const refusal = /^(40[01] http|console: Failed to load resource: the server responded with a status of 40[01] )/;
    expect(problems.filter((problem) => !refusal.test(problem))).toEqual([]);

    await expect(axeViolations(page)).resolves.toEqual([]);
    // The theme follows the system's (ThemeToggle listens to the media query), so the same filled-in page turns dark.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.classList.contains('dark'));
    await expect(axeViolations(page, COLOUR_RULES)).resolves.toEqual([]);
  } finally {
    await session.close();
  }
});
