// npm run export:pdf [-- <slug> ...]: prints every lesson (or the ones named) to dist/pdf/NN-slug.pdf
// with Debian's Chromium, from the production build, using the lesson's print stylesheet (no
// navigation, code wrapped, link addresses shown). A handout a trainer can hand out or upload. Its
// commands name SITE_URL's origin, read when exporting (a localhost one is warned about), not the
// export's own throwaway server, which is what the page shows once hydrated.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser } from '../chromium.mjs';
import { startServer } from '../serve-build.mjs';
import { exportOrigin } from './export-origin';
import { loadLessons } from '@/lib/content/lessons';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(root, 'dist', 'pdf');

async function main() {
  const wanted = process.argv.slice(2).filter((arg) => arg !== '--all');
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
      await browser.page.emulateMedia({ media: 'print' });
      const file = path.join(outDir, `${lesson.base}.pdf`);
      await browser.page.pdf({
        path: file,
        format: 'A4',
        printBackground: true,
        margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:8px;width:100%;text-align:center;color:#555"><span class="title"></span> · <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
      });
      await browser.page.emulateMedia({ media: 'screen' });
      console.log(`${path.relative(root, file)}  ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
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
