// Every page type in both themes, each visited once: the page's own checks (status, the system theme
// before first paint, site chrome, one h1, axe (every rule in light, the colour rules in dark), no
// console error or failed sub-request, a screenshot)
// and its Content-Security-Policy checks (the header sent, nothing refused in any frame, the theme set
// by the head script before <body>, hydration allowed) are two tests that read the same visit.
import { pagePolicy } from '@/lib/site/content-security-policy.mjs';
import { embedPolicy } from '@/lib/site/security-headers.mjs';
import { openBrowser, type ColorScheme } from './support/chromium';
import { atBody, observe, violations, type AtBody } from './support/csp';
import { axeViolationsInTheme, baseUrl, hydrated, saveScreenshot, sitePages, watchForProblems } from './support/site';

type Case = ReturnType<typeof sitePages>[number] & { theme: ColorScheme };

/** What one visit saw, in the order it was looked at. */
type Visit = {
  status: number | undefined;
  headers: Record<string, string>;
  atBody: AtBody | undefined;
  dark: boolean;
  siteLinks: number;
  embedCredits: number;
  h1s: number;
  cspViolations: string[];
  axe: string[];
  problems: string[];
};

const cases: Case[] = sitePages().flatMap((page) => (['light', 'dark'] as ColorScheme[]).map((theme) => ({ ...page, theme })));

async function visit({ name, path, theme }: Case): Promise<Visit> {
  const session = await openBrowser({ colorScheme: theme });
  try {
    const { page } = session;
    const observed = await observe(page);
    const url = `${baseUrl()}${path}`;
    const problems = watchForProblems(page, url);
    const response = await page.goto(url, { waitUntil: 'load' });
    // Hydration ran (Next's inline flight scripts and its chunks were allowed): React owns the page.
    await hydrated(page);
    const seen = {
      status: response?.status(),
      headers: response?.headers() ?? {},
      atBody: await atBody(page),
      dark: await page.evaluate(() => document.documentElement.classList.contains('dark')),
      siteLinks: await page.getByRole('banner').getByRole('link', { name: 'HTTP Auth Lab' }).count(),
      embedCredits: await page.getByRole('contentinfo').getByText('From HTTP Auth Lab').count(),
      h1s: await page.getByRole('heading', { level: 1 }).count(),
      // Read before axe's own script goes in.
      cspViolations: await violations(page, observed),
    };
    // Light: every rule. Dark: the colour rules (the DOM and layout are the light visit's).
    const axe = await axeViolationsInTheme(page, theme);
    await saveScreenshot(page, `${name}-${theme}`);
    return { ...seen, axe, problems: [...problems] };
  } finally {
    await session.close();
  }
}

const visits = new Map<string, Promise<Visit>>();
/** The one visit of a page in a theme, whichever of its two tests asks first. */
function visitOnce(testCase: Case): Promise<Visit> {
  const key = `${testCase.path} ${testCase.theme}`;
  let seen = visits.get(key);
  if (!seen) {
    seen = visit(testCase);
    visits.set(key, seen);
  }
  return seen;
}

describe('every page type, in both themes', () => {
  test.each(cases)('$name ($path) in $theme: right status, no console errors, no axe violations', async (testCase) => {
    const { status, chrome, theme } = testCase;
    const seen = await visitOnce(testCase);
    expect(seen.status).toBe(status);
    // The system theme is followed before first paint (no toggle used yet).
    expect(seen.dark).toBe(theme === 'dark');
    // Site pages carry the header; embeds are chrome-less but still say where they come from.
    expect(seen.siteLinks).toBe(chrome === false ? 0 : 1);
    if (chrome === false) expect(seen.embedCredits).toBe(1);
    expect(seen.h1s).toBe(1);
    expect(seen.axe).toEqual([]);
    // Chromium logs the document's own 404 as a console error; any failing sub-request is still caught above.
    const documentStatusLog = `console: Failed to load resource: the server responded with a status of ${status} (Not Found)`;
    expect(seen.problems.filter((problem) => !(status === 404 && problem === documentStatusLog))).toEqual([]);
  });
});

const expectedPolicy = (path: string) => (path.startsWith('/embed/') ? embedPolicy(process.env.EMBED_FRAME_ANCESTORS) : pagePolicy());

describe('every page type under its Content-Security-Policy', () => {
  test.each(cases)('$name ($path) in $theme: the policy is sent, nothing is refused, the theme is set before the body', async (testCase) => {
    const { path, status, theme } = testCase;
    const seen = await visitOnce(testCase);
    expect(seen.status).toBe(status);
    expect(seen.headers['content-security-policy']).toBe(expectedPolicy(path));
    expect(seen.headers['x-frame-options']).toBe(path.startsWith('/embed/') ? undefined : 'SAMEORIGIN');
    // data-theme is written only by the inline head script: it ran, before <body> existed.
    expect(seen.atBody).toEqual({ dark: theme === 'dark', theme: 'system', embed: path.startsWith('/embed/') });
    expect(seen.cspViolations).toEqual([]);
  });
});

describe('small screens', () => {
  test.each(sitePages())('$name fits a 360 px wide phone without sideways scrolling', async ({ name, path, chrome }) => {
    const session = await openBrowser({ viewport: { width: 360, height: 740 } });
    try {
      const { page } = session;
      await page.goto(`${baseUrl()}${path}`, { waitUntil: 'load' });
      await hydrated(page);
      // Laid out with its own fonts, as a reader sees it.
      await page.evaluate(() => document.fonts.ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (chrome !== false) await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).isVisible()).resolves.toBe(true);
      await saveScreenshot(page, `${name}-phone`);
    } finally {
      await session.close();
    }
  });
});
