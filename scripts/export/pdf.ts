// npm run export:pdf [-- <slug> ...] [--edition full|short|trainer|all]: every lesson's handouts (or the
// named lessons'), downloaded from the production build's own handout route (/trainers/downloads/pdf/…,
// lib/export/handout-download.ts), which prints them with Debian's Chromium and the lesson's print
// stylesheet, to dist/pdf/NN-slug.pdf (the full handout), NN-slug-short.pdf (opening, summary, quiz
// questions) and NN-slug-trainer.pdf (every quiz answered); all three unless --edition names one. Tagged
// PDFs with an outline. Commands and links name SITE_URL's origin, read when exporting (a localhost one
// is warned about) and given to the server, not the export's own throwaway server.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../serve-build.mjs';
import { exportOrigin } from './export-origin';
import { HANDOUT_EDITIONS, handoutEditionArg, handoutFileName } from '@/lib/export/handout-editions';
import { handoutDownloadHref, handoutLessons } from '@/lib/export/handout-file';
import { getRetryingOnce } from '@/lib/export/fetch-own';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// PDF_OUT_DIR: another folder for the handouts (a test exports into a folder of its own).
const outDir = process.env.PDF_OUT_DIR ?? path.join(root, 'dist', 'pdf');

/** The problem details' detail, or the status line, of a download that failed. */
async function whyNot(response: Response): Promise<string> {
  const body = await response.text();
  try {
    return (JSON.parse(body) as { detail?: string }).detail ?? `${response.status} ${response.statusText}`;
  } catch {
    return `${response.status} ${response.statusText}`;
  }
}

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
  const all = handoutLessons();
  const unknown = wanted.filter((slug) => !all.some((lesson) => lesson.slug === slug));
  if (unknown.length > 0) {
    console.error(`No lesson named ${unknown.join(', ')}. Lessons: ${all.map((lesson) => lesson.slug).join(', ')}`);
    process.exit(2);
  }
  const lessons = wanted.length === 0 ? all : all.filter((lesson) => wanted.includes(lesson.slug));
  fs.mkdirSync(outDir, { recursive: true });
  // The server names SITE_URL's origin in what it prints (lib/site/download-origin.ts).
  const lab = exportOrigin('The PDF handouts’ commands');
  const { baseUrl, child } = await startServer({ SANDBOX_SECRET: process.env.SANDBOX_SECRET ?? 'export-pdf-'.padEnd(40, 'x'), SITE_URL: lab });
  try {
    for (const lesson of lessons) {
      for (const edition of editions) {
        const response = await getRetryingOnce(`${baseUrl}${handoutDownloadHref(lesson.base, edition)}`);
        if (response.status !== 200) throw new Error(`${handoutFileName(lesson.base, edition)}: ${await whyNot(response)}`);
        const file = path.join(outDir, handoutFileName(lesson.base, edition));
        fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
        console.log(`${path.relative(root, file)}  ${(fs.statSync(file).size / 1024).toFixed(0)} KiB`);
      }
    }
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
