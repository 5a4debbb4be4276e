// The run's two shared browsers (tests/browser/support/global-setup.mjs): page and journey tests get
// Chromium's headless shell, and a test of what Chromium itself does (`realChromium`: its login dialog, the
// browser facts) gets Chromium. CDP's Browser.getVersion tells them apart ("HeadlessChrome/…" is the shell,
// "Chrome/…" the browser); both must be the same build, so the Blink the page tests see is the Blink the
// facts were observed in.
import { chromium } from 'playwright-core';
import { BROWSER_ENDPOINT_VARIABLE, REAL_CHROMIUM_ENDPOINT_VARIABLE } from '@/scripts/chromium.mjs';
import { openBrowser } from './support/chromium';

async function productOf(realChromium: boolean): Promise<string> {
  const session = await openBrowser({ realChromium });
  try {
    const browser = session.context.browser();
    if (!browser) throw new Error('the context has no browser');
    const cdp = await browser.newBrowserCDPSession();
    return (await cdp.send('Browser.getVersion')).product;
  } finally {
    await session.close();
  }
}

test('page tests get the headless shell, tests of Chromium itself get Chromium, of the same version', async () => {
  const [shell, real] = await Promise.all([productOf(false), productOf(true)]);
  expect(shell).toMatch(/^HeadlessChrome\/\d+\.\d+\.\d+\.\d+$/);
  expect(real).toMatch(/^Chrome\/\d+\.\d+\.\d+\.\d+$/);
  expect(shell.split('/')[1]).toBe(real.split('/')[1]);
});

test('the browser facts connect to Chromium itself', async () => {
  const endpoint = process.env[REAL_CHROMIUM_ENDPOINT_VARIABLE];
  expect(endpoint).toBeDefined();
  expect(endpoint).not.toBe(process.env[BROWSER_ENDPOINT_VARIABLE]);
  const browser = await chromium.connect(endpoint!);
  try {
    const cdp = await browser.newBrowserCDPSession();
    expect((await cdp.send('Browser.getVersion')).product).toMatch(/^Chrome\//);
  } finally {
    await browser.close();
  }
});
