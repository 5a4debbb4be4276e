import fs from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { baseUrl, firstLesson } from '../../http/support/lab';
import { ALL_SECTIONS_ATTRIBUTE } from '@/lib/site/deferred-sections';

export { baseUrl, firstLesson };

/** Every page type of the site, with the status its document must answer; embeds have no site chrome. */
export function sitePages(): { name: string; path: string; status: number; chrome?: false }[] {
  return [
    { name: 'home', path: '/', status: 200 },
    { name: 'lessons', path: '/lessons', status: 200 },
    { name: 'lesson', path: `/lessons/${firstLesson().slug}`, status: 200 },
    { name: 'playground', path: '/playground', status: 200 },
    { name: 'troubleshoot', path: '/troubleshoot', status: 200 },
    { name: 'troubleshoot-traffic', path: '/troubleshoot/traffic', status: 200 },
    { name: 'api', path: '/api', status: 200 },
    { name: 'trainers', path: '/trainers', status: 200 },
    { name: 'clients-test', path: '/clients/test', status: 200 },
    { name: 'clients', path: '/clients', status: 200 },
    { name: 'clients-group', path: '/clients/groups/digest', status: 200 },
    { name: 'client-case', path: '/clients/cases/digest-stale-nonce', status: 200 },
    { chrome: false, name: 'embed-lesson', path: `/embed/lessons/${firstLesson().slug}`, status: 200 },
    { chrome: false, name: 'embed-playground', path: '/embed/playground?p=basic-wrong-password', status: 200 },
    { chrome: false, name: 'embed-try', path: '/embed/try/proxy-then-origin', status: 200 },
    { name: 'not-found', path: '/lessons/no-such-lesson', status: 404 },
  ];
}

/**
 * Resolves once React has hydrated the page (it owns <body>) and Next's router has committed its first
 * render (it marks the history entry with __NA then: a link followed and stepped back from finds its
 * place): what a click on a control needs. A wait on the page itself, instead of on the network going
 * quiet (networkidle is 500 ms of nothing, every time).
 */
export async function hydrated(page: Page | Frame): Promise<void> {
  await page.waitForFunction(reactHydrated);
}

/** The in-page check behind `hydrated`, for a driver other than playwright's (Firefox through puppeteer). */
export function reactHydrated(): boolean {
  return Object.keys(document.body ?? {}).some((key) => key.startsWith('__react')) && (history.state as { __NA?: boolean } | null)?.__NA === true;
}

/** The frame of the <iframe> `selector` finds in `page`, once React has hydrated it. */
export async function hydratedFrame(page: Page, selector: string): Promise<Frame> {
  const frame = await (await page.waitForSelector(selector)).contentFrame();
  if (!frame) throw new Error(`${selector} is not a frame`);
  await hydrated(frame);
  return frame;
}

/** page.goto, resolved once every script of the document has run (load) and React has hydrated it. */
export async function openPage(page: Page, url: string) {
  const response = await page.goto(url, { waitUntil: 'load' });
  await hydrated(page);
  return response;
}

/** page.reload, resolved as openPage resolves. */
export async function reloadPage(page: Page) {
  const response = await page.reload({ waitUntil: 'load' });
  await hydrated(page);
  return response;
}

/** Console errors and failed sub-requests while a page is open: a healthy page has none. */
export function watchForProblems(page: Page, documentUrl: string): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== documentUrl) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] };

/**
 * The axe rules whose outcome depends on the colours (WCAG 1.4.3 contrast; 1.4.1 links told from text by
 * colour alone). Everything else axe checks reads the DOM and the layout, which a theme does not change:
 * a page already checked in full in one theme needs only these in the other.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'] as const;

/**
 * Runs axe-core in the page (or in one frame of it); returns violations as readable one-liners. `only`:
 * run just these rules (COLOUR_RULES for a second theme).
 */
export async function axeViolations(page: Page | Frame, only?: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(
    async ({ rules, attribute }) => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
      // A lesson section not yet near the screen keeps an estimated height (content-visibility: auto,
      // lib/site/deferred-sections.ts), so its real content overlaps the next section's box. axe's
      // contrast check reads the colour behind text from what lies at its position, and found a code
      // comment "on" a neighbouring code block's header that is never there once the reader scrolls
      // to it. Lay out every section, as a jump does, for the run, and put the page back after.
      const root = document.documentElement;
      const deferred = !root.hasAttribute(attribute);
      if (deferred) root.setAttribute(attribute, '');
      try {
        const result = await axe.run(
          document,
          rules ? { resultTypes: ['violations'], runOnly: { type: 'rule', values: rules } } : { resultTypes: ['violations'] },
        );
        return result.violations;
      } finally {
        if (deferred) root.removeAttribute(attribute);
      }
    },
    { rules: only ? [...only] : null, attribute: ALL_SECTIONS_ATTRIBUTE },
  );
  return [...violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), ...(await duplicateIds(page))];
}

/**
 * axe for a test that checks the same page state in both themes: every rule in light, COLOUR_RULES in dark
 * (the light run checked the rest of the same DOM and layout). A full run cost 250–870 ms a page on the
 * 2-core machine, the colour rules 66–500 ms (bench/README.md, "Test run").
 */
export function axeViolationsInTheme(page: Page | Frame, theme: 'light' | 'dark'): Promise<string[]> {
  return axeViolations(page, theme === 'dark' ? COLOUR_RULES : undefined);
}

/**
 * axe 4.14's duplicate-id rules find nothing even when switched on (WCAG 2.2 dropped 4.1.1), yet a
 * duplicate id still breaks every aria-labelledby and in-page link that names it (issue 16: lesson 1 had
 * attempt-1-heading seven times). So the lab checks it itself, reported like an axe violation.
 */
async function duplicateIds(page: Page | Frame): Promise<string[]> {
  const counts = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1);
  });
  return counts.map(([id, count]) => `duplicate-id (lab check): id="${id}" is used ${count} times`);
}

/** How much of a page a screenshot keeps, in CSS pixels from the top: about seven screens. */
export const SCREENSHOT_MAX_HEIGHT = 6_000;

/**
 * Saves a screenshot of the page from its top, at most SCREENSHOT_MAX_HEIGHT tall, to
 * test-results/screenshots/<name>.jpg. JPEG at quality 80: encoding the tall pages as PNG cost the page
 * sweep about 10 s of CPU on two cores. The cap because /api is about 39 000 px tall: its full-page
 * screenshot took 6.6 s against 1.6 s for a lesson (12 000 px) and 0.2 s for one screen (2026-12-06), three
 * times a run, and nobody reads a picture that long.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(process.cwd(), 'test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  const clip = { x: 0, y: 0, width, height: Math.min(height, SCREENSHOT_MAX_HEIGHT) };
  await page.screenshot({ path: path.join(dir, `${name}.jpg`), type: 'jpeg', quality: 80, fullPage: true, clip });
}
