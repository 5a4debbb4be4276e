// Watching the Content-Security-Policy at work in Chromium, for the page sweep (pages.test.ts) and the
// policy's own tests (csp.test.ts).
import type { Page } from 'playwright-core';

export type Violation = { directive: string; blocked: string; sample: string; url: string };
export type Observed = { violations: Violation[]; console: string[] };
/** The theme <html> had when <body> was first inserted, i.e. before anything of the page could be painted. */
export type AtBody = { dark: boolean; theme: string | undefined; embed: boolean };

// Runs in every frame before any of the page's scripts (CDP, so the policy does not apply to it):
// records each violation the frame reports, and the theme <html> has when <body> is first inserted,
// i.e. before anything of the page can be painted.
const INIT_SCRIPT = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample, url: location.href });
  });
  new MutationObserver((records, observer) => {
    if (!document.body || window.__atBody) return;
    const root = document.documentElement;
    window.__atBody = { dark: root.classList.contains('dark'), theme: root.dataset.theme, embed: root.dataset.embed !== undefined };
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
})();`;

/** Starts watching `page` (call before it navigates): violations in every frame, and Chromium's console reports. */
export async function observe(page: Page): Promise<Observed> {
  const observed: Observed = { violations: [], console: [] };
  await page.addInitScript({ content: INIT_SCRIPT });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) observed.console.push(message.text());
  });
  return observed;
}

/** Violations reported so far in the page and all its frames, plus Chromium's console reports. */
export async function violations(page: Page, observed: Observed): Promise<string[]> {
  const inFrames = await Promise.all(
    page.frames().map((frame) => frame.evaluate(() => (window as unknown as { __cspViolations?: Violation[] }).__cspViolations ?? []).catch(() => [])),
  );
  return [...inFrames.flat().map((v) => `${v.directive} blocked ${v.blocked || v.sample} in ${v.url}`), ...observed.console];
}

/** What the INIT_SCRIPT saw when <body> was inserted. */
export const atBody = (page: Page) => page.evaluate(() => (window as unknown as { __atBody?: AtBody }).__atBody);
