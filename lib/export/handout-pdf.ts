// Prints one lesson's handout edition to PDF with Chromium (issue 17): the lesson page from the site's own
// server, its commands and links naming the lab's public origin, the print stylesheet (app/globals.css),
// A4, tagged and with an outline. The running site's downloads (lib/export/handout-printer.ts) and, through
// them, `npm run export:pdf` print this way; nothing else does.
import type { BrowserContext } from 'playwright-core';
import { absoluteLabLinks, editionLabel, prepareEdition, releaseTallBlocks, type HandoutEdition } from './handout-editions';

/** The browser context a handout is printed in: a light page at a desktop width (the screen layout first). */
export const HANDOUT_CONTEXT = { colorScheme: 'light', viewport: { width: 1280, height: 900 } } as const;

export type HandoutPrint = {
  /** Where the page is loaded from: the site's own loopback origin, never an address a request names. */
  base: string;
  /** The origin the handout's commands and links name (lib/site/download-origin.ts). */
  lab: string;
  slug: string;
  edition: HandoutEdition;
};

/** Prints `edition` of lesson `slug` in a fresh page of `context`; resolves with the PDF's bytes. */
export async function printHandoutPdf(context: BrowserContext, { base, lab, slug, edition }: HandoutPrint): Promise<Buffer> {
  const page = await context.newPage();
  try {
    const response = await page.goto(`${base}/lessons/${slug}`, { waitUntil: 'networkidle' });
    if (response?.status() !== 200) throw new Error(`/lessons/${slug} answered ${response?.status()}`);
    // Once hydrated, the page shows its own origin and host (the loopback ones it was loaded from) in
    // commands and in transcripts' Host fields; then the lab's replace them.
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('[data-lab-origin]')).every((element) => element.textContent === window.location.origin) &&
        Array.from(document.querySelectorAll('[data-lab-host]')).every((element) => element.textContent === window.location.host),
    );
    await page.evaluate((origin) => {
      for (const element of Array.from(document.querySelectorAll('[data-lab-origin]'))) element.textContent = origin;
      for (const element of Array.from(document.querySelectorAll('[data-lab-host]'))) element.textContent = new URL(origin).host;
    }, lab);
    await absoluteLabLinks(page, lab);
    await prepareEdition(page, edition);
    await page.emulateMedia({ media: 'print' });
    await releaseTallBlocks(page);
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      // Tagged: headings, lists and tables reach a screen reader; outline: the headings as bookmarks.
      tagged: true,
      outline: true,
      margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="title"></span> · ${editionLabel(edition)} · <span class="pageNumber"></span>/<span class="totalPages"></span></div>`,
    });
  } finally {
    await page.close();
  }
}
