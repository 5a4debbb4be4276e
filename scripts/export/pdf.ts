// npm run export:pdf [-- <slug> ...] [--edition full|short|trainer|all]: prints every lesson (or the ones
// named) with Debian's Chromium, from the production build, using the lesson's print stylesheet (no
// navigation, code wrapped, link addresses shown), to dist/pdf/NN-slug.pdf (the full handout),
// NN-slug-short.pdf (opening, summary, quiz questions) and NN-slug-trainer.pdf (every quiz answered);
// all three unless --edition names one. Tagged PDFs with an outline, for screen readers and navigation.
// Commands and links name SITE_URL's origin, read when exporting (a localhost one is warned about), not
// the export's own throwaway server, which is what the page shows once hydrated.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser } from '../chromium.mjs';
import { startServer } from '../serve-build.mjs';
import { exportOrigin } from './export-origin';
import { absoluteLabLinks, editionLabel, HANDOUT_EDITIONS, handoutEditionArg, handoutFileName, prepareEdition, releaseTallBlocks } from './handout-editions';
import { loadLessons } from '@/lib/content/lessons';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// PDF_OUT_DIR: another folder for the handouts (a test exports into a folder of its own).
const outDir = process.env.PDF_OUT_DIR ?? path.join(root, 'dist', 'pdf');

async function main() {
  const args = process.argv.slice(2);
  const editionAt = args.indexOf('--edition');
  const editionArg = handoutEditionArg.safeParse(editionAt >= 0 ? args[editionAt + 1] : 'all');
  if (!editionArg.success) {
    console.error(`--edition takes one of ${handoutEditionArg.options.join(', ')}`);
    process.exit(2);
  }
  const editions = editionArg.data === 'all' ? HANDOUT_EDITIONS : [editionArg.data];
  const wanted = args.filter((arg, i) => arg !== '--all' && (editionAt < 0 || (i !== editionAt && i !== editionAt + 1)));
  const all = loadLessons().map((lesson) => ({ slug: lesson.slug, base: lesson.file.replace(/\.mdx$/, '') }));
  const unknown = wanted.filter((slug) => !all.some((lesson) => lesson.slug === slug));
  if (unknown.length > 0) {
    console.error(`No lesson named ${unknown.join(', ')}. Lessons: ${all.map((lesson) => lesson.slug).join(', ')}`);
    process.exit(2);
  }
  const lessons = wanted.length === 0 ? all : all.filter((lesson) => wanted.includes(lesson.slug));
  fs.mkdirSync(outDir, { recursive: true });
  const lab = exportOrigin('The PDF handouts’ commands');
  const { baseUrl, child } = await startServer({ SANDBOX_SECRET: process.env.SANDBOX_SECRET ?? 'export-pdf-'.padEnd(40, 'x') });
  const browser = await openBrowser({ colorScheme: 'light' });
  try {
    for (const lesson of lessons) {
      const response = await browser.page.goto(`${baseUrl}/lessons/${lesson.slug}`, { waitUntil: 'networkidle' });
      if (response?.status() !== 200) throw new Error(`/lessons/${lesson.slug} answered ${response?.status()}`);
      // Once hydrated, the page shows its own origin (this export's server); then the handout's replaces it.
      await browser.page.waitForFunction(() =>
        Array.from(document.querySelectorAll('[data-lab-origin]')).every((element) => element.textContent === window.location.origin),
      );
      await browser.page.evaluate((origin) => {
        for (const element of Array.from(document.querySelectorAll('[data-lab-origin]'))) element.textContent = origin;
      }, lab);
      await absoluteLabLinks(browser.page, lab);
      // The trainer's edition answers the quizzes, so it comes last (HANDOUT_EDITIONS' order).
      for (const edition of editions) {
        await prepareEdition(browser.page, edition);
        await browser.page.emulateMedia({ media: 'print' });
        await releaseTallBlocks(browser.page);
        const file = path.join(outDir, handoutFileName(lesson.base, edition));
        await browser.page.pdf({
          path: file,
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
        await browser.page.emulateMedia({ media: 'screen' });
        console.log(`${path.relative(root, file)}  ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
      }
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
