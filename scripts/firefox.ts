import puppeteer, { type Browser } from 'puppeteer-core';

// Debian's Firefox ESR through puppeteer-core over WebDriver BiDi, for the tests that check a browser
// claim in a second engine (browser-facts.test.ts), walk journeys in it (journeys-firefox.test.ts), and
// for the compatibility matrix's Firefox column (scripts/compat/clients/firefox-esr.ts). Nothing here
// downloads a browser: it drives /usr/bin/firefox-esr (or FIREFOX_PATH). A test file or a compat run
// launches it once and gives each test or case a fresh browser context (createBrowserContext): its own
// cookies, cache and HTTP auth, like a new profile.

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

// navigator.clipboard.readText() in a page, for a test that reads back what a Copy button wrote (the
// headless Firefox's own clipboard, a real one). Without this Firefox reads without asking only when the
// clipboard holds what a page of the same origin wrote, and otherwise shows its "Paste" menu and waits
// for a click no test can give: the pref makes the read answer at once whatever is on the clipboard.
const READABLE_CLIPBOARD_PREFS = { 'dom.events.testing.asyncClipboard': true };

/** `prefs`: more preferences of the fresh profile (the lab as the HTTP proxy, for the compat run). */
export type FirefoxOptions = { readableClipboard?: boolean; prefs?: Record<string, string | number | boolean> };

export function launchFirefox({ readableClipboard = false, prefs = {} }: FirefoxOptions = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: { ...QUIET_PREFS, ...(readableClipboard ? READABLE_CLIPBOARD_PREFS : {}), ...prefs },
  });
}
