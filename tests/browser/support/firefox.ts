import puppeteer, { type Browser } from 'puppeteer-core';

// Debian's Firefox ESR through puppeteer-core over WebDriver BiDi, for the tests that check a browser
// claim in a second engine (browser-facts.test.ts). Nothing here downloads a browser: it drives
// /usr/bin/firefox-esr (or FIREFOX_PATH). A test file launches it once (beforeAll) and gives each test a
// fresh browser context (createBrowserContext): its own cookies, cache and HTTP auth, like a new profile.

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// No background traffic to a network that is closed: puppeteer's own Firefox preferences already turn off
// updates, telemetry and safe browsing; these cover what is left on a fresh ESR profile.
const QUIET_PREFS = {
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
};

export function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: QUIET_PREFS,
  });
}
