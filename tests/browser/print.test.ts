// Issue 6 "Reading quality": printing a lesson gives a clean handout. The page is emulated as print media
// through the DevTools protocol (what the print preview uses), in the dark theme to prove the handout is
// light anyway, and then printed to PDF.
import type { Page } from 'playwright-core';
import { openBrowser } from './support/chromium';
import { baseUrl, firstLesson, openPage } from './support/site';

const lessonUrl = () => `${baseUrl()}/lessons/${firstLesson().slug}`;

/** A CSS colour as Chromium reports it (rgb, lab or oklch) that is light enough to print on, or see-through. */
function isLight(colour: string): boolean {
  const rgb = /^rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)$/.exec(colour);
  if (rgb) return Number(rgb[4] ?? 1) === 0 || [rgb[1], rgb[2], rgb[3]].every((channel) => Number(channel) >= 200);
  const lab = /^lab\(([\d.]+)/.exec(colour);
  if (lab) return Number(lab[1]) >= 90;
  const oklab = /^ok(?:lab|lch)\(([\d.]+)/.exec(colour);
  return oklab !== null && Number(oklab[1]) >= 0.9;
}

/** What a reader of the printed page would notice, measured in the page. */
function handout(page: Page) {
  return page.evaluate(() => {
    const shown = (element: Element | null) => element !== null && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const article = document.querySelector('article');
    const pres = [...(article?.querySelectorAll('pre') ?? [])];
    const external = [...(article?.querySelectorAll<HTMLAnchorElement>('a[href^="http"]') ?? [])];
    // Controls that mean nothing on paper: copy buttons, the theme toggle, TryIt's live run.
    const controls = [...document.querySelectorAll('button')]
      .filter(shown)
      .map((button) => button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '')
      .filter((name) => /^(Copy|Run it live|Run again|Light theme|Dark theme|System theme)/.test(name));
    return {
      header: shown(document.querySelector('header[data-site-header]')),
      mainNav: shown(document.querySelector('nav[aria-label="Main"]')),
      footer: shown(document.querySelector('footer[data-site-footer]')),
      skipLink: shown(document.querySelector('a[href="#main"]')),
      toc: shown(document.querySelector('nav[aria-labelledby="toc-heading"]')),
      controls,
      codeBlocks: pres.length,
      codeShown: pres.every(shown),
      codeClipped: pres.filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length,
      diagrams: [...(article?.querySelectorAll('svg[role="img"]') ?? [])].filter(shown).length,
      // A closed <details> is as tall as its summary; printed open, its transcript adds far more.
      transcriptsShown: [...(article?.querySelectorAll('details') ?? [])].every(
        (details) => details.getBoundingClientRect().height > 2 * (details.querySelector('summary')?.getBoundingClientRect().height ?? 0),
      ),
      linkAddresses: external.map((a) => [a.getAttribute('href') ?? '', getComputedStyle(a, '::after').content] as const),
      background: getComputedStyle(document.documentElement).backgroundColor,
      // A callout's tinted background: the dark theme's is dark, paper needs the light one.
      noteBackground: getComputedStyle(document.querySelector('[role="note"]') ?? document.body).backgroundColor,
      ink: getComputedStyle(article ?? document.body).color,
    };
  });
}

describe('printing a lesson', () => {
  test('hides the site chrome and controls, keeps code and diagrams whole, shows link addresses, in light colours', async () => {
    const session = await openBrowser({ colorScheme: 'dark', viewport: { width: 1440, height: 900 } });
    try {
      const { page, context } = session;
      await openPage(page, lessonUrl());
      // Code widths and line breaks are measured with the lesson's own fonts.
      await page.evaluate(() => document.fonts.ready);
      const onScreen = await handout(page);
      // On screen the chrome is there, so the print assertions below are not vacuous.
      expect(onScreen).toMatchObject({ header: true, mainNav: true, footer: true, toc: true });
      expect(onScreen.controls).toEqual(expect.arrayContaining(['Run it live', 'Dark theme', expect.stringMatching(/^Copy/)]));
      expect(onScreen.transcriptsShown).toBe(false);
      expect(isLight(onScreen.noteBackground)).toBe(false);
      expect(onScreen.linkAddresses.every(([, after]) => after === 'none' || after === 'normal')).toBe(true);

      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setEmulatedMedia', { media: 'print' });
      const printed = await handout(page);
      expect(printed).toMatchObject({ header: false, mainNav: false, footer: false, skipLink: false, toc: false });
      expect(printed.controls).toEqual([]);
      expect(printed.codeBlocks).toBeGreaterThan(0);
      expect(printed.codeShown).toBe(true);
      expect(printed.codeClipped).toBe(0);
      expect(printed.diagrams).toBeGreaterThan(0);
      expect(printed.transcriptsShown).toBe(true);
      expect(printed.linkAddresses.length).toBeGreaterThan(0);
      for (const [href, after] of printed.linkAddresses) expect(after).toContain(href);
      expect(printed.background).toBe('rgb(255, 255, 255)');
      expect(printed.ink).toBe('rgb(0, 0, 0)');
      expect(isLight(printed.noteBackground)).toBe(true);

      const pdf = await cdp.send('Page.printToPDF', { printBackground: false, preferCSSPageSize: true });
      const bytes = Buffer.from(pdf.data, 'base64');
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(20_000);
    } finally {
      await session.close();
    }
  });
});
