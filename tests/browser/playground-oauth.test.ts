// The OAuth chain in the playground, in Chromium against `npm start` (issue 18: "the whole chain for a
// learner in under 10 clicks, linkable and embeddable"). By keyboard alone: choose the OAuth start in the
// preset list, Tab to Send, Enter. Then every hop, the PKCE pair computed in this browser matching what
// the client sent, the decoded token, the share link, axe; and the embed opened on a Deny link.
import type { Frame, Page } from 'playwright-core';
import { openBrowser } from './support/chromium';
import { coursePage, labFrame, trainerSite } from './support/trainer-site';
import { axeViolations, axeViolationsInTheme, baseUrl, hydratedFrame, openPage } from './support/site';

const result = (page: Page | Frame) => page.getByRole('region', { name: 'Result' });

async function statuses(page: Page | Frame): Promise<string> {
  const summary = result(page)
    .getByText(/^\d+ requests?: /)
    .first();
  await summary.waitFor();
  return (await summary.textContent()) ?? '';
}

/** Tab until the Send button has focus, as a keyboard user would; at most `limit` presses. */
async function tabToSend(page: Page, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    const onSend = await page.evaluate(() => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent === 'Send');
    if (onSend) return presses;
  }
  throw new Error(`Send was not reached in ${limit} Tab presses`);
}

// A second local origin frames the embed, as a trainer's course page would.
const trainer = trainerSite();
beforeAll(() => trainer.start());
afterAll(() => trainer.close());

describe('the OAuth chain in the playground', () => {
  // Every axe rule in light, the colour rules in dark, as the page sweep does.
  test.each(['light', 'dark'] as const)('by keyboard (%s): choose the OAuth start, Send, and the whole chain is shown, axe-clean', async (theme) => {
    const session = await openBrowser({ viewport: { width: 1400, height: 1000 }, colorScheme: theme });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/playground`);
      const preset = page.getByRole('combobox', { name: 'Preset' });
      await preset.focus();
      // A closed <select> takes type-ahead: the first option whose label starts with what is typed.
      await page.keyboard.type('OAuth');
      await expect(preset.inputValue()).resolves.toBe('oauth-discovery');
      await expect(page.getByRole('radio', { name: /^OAuth: the client follows/ }).isChecked()).resolves.toBe(true);
      await tabToSend(page);
      const exchange = page.waitForResponse((response) => response.url().endsWith('/api/exchange'));
      await page.keyboard.press('Enter');
      expect((await exchange).status()).toBe(200);

      expect(await statuses(page)).toMatch(/^8 requests: 401 → 200 → 200 → 201 → 200 → 303 → 200 → 200/);
      const headings = await result(page)
        .getByRole('heading', { level: 3, name: /^Step \d/ })
        .allTextContents();
      expect(headings.map((text) => /\(the browser\)/.test(text))).toEqual([false, false, false, false, true, true, false, false]);
      await result(page).getByText('Browser → Authorization server: request GET authorize (consent page) (step 5)').waitFor();
      // The challenge this browser computes from the run's verifier (noble SHA-256) is the one the client sent.
      await page.getByText('Same as the code_challenge the client sent in step 5: this is the verifier that redeems the code.').waitFor();
      await expect(page.getByLabel('Access token claims').textContent()).resolves.toMatch(/"aud": "https?:\/\/[^"]+\/api\/sandbox\/oauth\/whoami"/);
      // Why aud matters, live: the same token at the lab's MCP server is refused with the reason.
      await page.getByRole('button', { name: 'Send this token to the lab’s MCP server' }).focus();
      await page.keyboard.press('Enter');
      await page
        .getByText(/answered 401 with error="invalid_token": This token is for https?:\/\/\S+\/api\/sandbox\/oauth\/whoami, not \S+\/api\/sandbox\/oauth\/mcp/)
        .waitFor();
      expect(new URL(page.url()).search).toBe('?v=1&p=oauth-discovery');
      expect(await axeViolationsInTheme(page, theme)).toEqual([]);
    } finally {
      await session.close();
    }
  });

  test('on a 360 px phone: the whole chain and the token view fit without sideways scrolling', async () => {
    const session = await openBrowser({ viewport: { width: 360, height: 800 } });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/playground?v=1&p=oauth-discovery`);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      expect(await statuses(page)).toMatch(/^8 requests: /);
      await page.getByRole('region', { name: 'The access token, decoded (not verified)' }).waitFor();
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    } finally {
      await session.close();
    }
  });

  test('the step-up start by keyboard: the transfer’s 401 asks for mfa, the page’s code is typed, 200; a wrong code from a link is refused', async () => {
    const session = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/playground?v=1&p=oauth-step-up`);
      await expect(page.getByRole('combobox', { name: 'Preset' }).inputValue()).resolves.toBe('oauth-step-up');
      await tabToSend(page);
      await page.keyboard.press('Enter');
      expect(await statuses(page)).toMatch(/^12 requests: 401 → 200 → 200 → 201 → 200 → 303 → 200 → 401 → 200 → 303 → 200 → 200/);
      await result(page)
        .getByText(/401 with error="insufficient_user_authentication".*acr_values="mfa".*max_age="120".*RFC 9470 §4/)
        .first()
        .waitFor();
      await result(page)
        .getByText(/you type the one the page shows, 246810/)
        .first()
        .waitFor();
      await result(page)
        .getByText(/acr and auth_time \(RFC 9470 §3\).*chain is complete/)
        .first()
        .waitFor();
      expect(new URL(page.url()).search).toBe('?v=1&p=oauth-step-up');
      expect(await axeViolations(page)).toEqual([]);

      await openPage(page, `${baseUrl()}/playground?v=1&p=oauth-step-up&otp=111111`);
      const signIn = page.getByRole('group', { name: 'On the consent page, you sign in as' });
      await expect(signIn.getByRole('textbox', { name: 'One-time code, if the page asks' }).inputValue()).resolves.toBe('111111');
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      expect(await statuses(page)).toMatch(/^10 requests: .* → 401 → 200 → 200\b/);
      await result(page)
        .getByText(/The one-time code is wrong/)
        .first()
        .waitFor();
    } finally {
      await session.close();
    }
  });

  test('the DPoP start: the server makes the key and signs the proofs, through both nonces to 200', async () => {
    const session = await openBrowser({ viewport: { width: 1400, height: 1000 } });
    try {
      const { page } = session;
      await openPage(page, `${baseUrl()}/playground?v=1&p=oauth-dpop`);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      expect(await statuses(page)).toMatch(/^10 requests: 401 → 200 → 200 → 201 → 200 → 303 → 400 → 200 → 401 → 200\b/);
      await result(page)
        .getByText(/400 use_dpop_nonce: the token endpoint wants a proof carrying a nonce/)
        .first()
        .waitFor();
      await result(page)
        .getByText(/the resource checked the proof.*The chain is complete/)
        .first()
        .waitFor();
      expect(new URL(page.url()).search).toBe('?v=1&p=oauth-dpop');
    } finally {
      await session.close();
    }
  });

  test('embedded, from a share link that denies: the chain stops at error=access_denied', async () => {
    const session = await openBrowser({ viewport: { width: 1200, height: 1000 } });
    try {
      const { page } = session;
      trainer.pages.set('/oauth', coursePage(labFrame('oauth', `${baseUrl()}/embed/playground?v=1&p=oauth-discovery&consent=deny`)));
      await page.goto(`${trainer.url()}/oauth`, { waitUntil: 'load' });
      const frame = await hydratedFrame(page, '#oauth');
      await expect(frame.getByRole('radio', { name: 'Deny' }).isChecked()).resolves.toBe(true);
      await frame.getByRole('button', { name: 'Send', exact: true }).click();
      expect(await statuses(frame)).toMatch(/^6 requests: 401 → 200 → 200 → 201 → 200 → 303/);
      await result(frame)
        .getByText(/sent back to the client with error=access_denied/)
        .waitFor();
      expect(await axeViolations(frame)).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
