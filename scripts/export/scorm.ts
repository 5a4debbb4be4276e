// npm run export:scorm -- <slug> | --all
// Writes dist/scorm/NN-slug.zip per lesson: a SCORM 1.2 package (imsmanifest.xml) holding a
// self-contained copy of the lesson that works from the zip with no server. The copy is the lesson's
// embed page as the production build renders it, with the site's scripts removed: the sandbox parts
// keep their server-rendered transcripts and link to the live lab (SITE_URL, read when exporting; a
// localhost one is warned about), and one small script
// (scorm-lesson.js) runs the quizzes and reports completion and score through the LMS's SCORM API.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { loadLessons, type Lesson } from '@/lib/content/lessons';
import { lessonQuizModels } from '@/lib/content/lesson-quizzes';
import { scormManifest } from '@/lib/scorm/manifest';
import { openBrowser } from '../chromium.mjs';
import { startServer } from '../serve-build.mjs';
import { exportOrigin } from './export-origin';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(root, 'dist', 'scorm');
const RUNTIME = fs.readFileSync(new URL('scorm-lesson.js', import.meta.url), 'utf8');

type Page = Awaited<ReturnType<typeof openBrowser>>['page'];

/**
 * The embed page's server-rendered HTML, rewritten in Chromium with scripts off (so the DOM is exactly
 * what the server sent): Next's scripts and preloads removed (the theme head script stays), the
 * controls that need the lab removed, links made absolute to the live lab and opened in a new tab, and
 * the commands' origins (data-lab-origin) made the live lab's.
 */
async function staticCopy(page: Page, url: string, lab: string): Promise<{ html: string; stylesheets: string[] }> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  return page.evaluate((labOrigin) => {
    const stylesheets: string[] = [];
    for (const link of Array.from(document.querySelectorAll('link'))) {
      if (link.rel === 'stylesheet') stylesheets.push(link.href);
      link.remove();
    }
    for (const script of Array.from(document.querySelectorAll('script'))) {
      // Keep only the inline theme script in <head> (it applies the reader's system theme before paint);
      // the React payload scripts in <body> quote it too, so the place is what tells them apart.
      const theme = script.parentElement === document.head && script.src === '' && script.textContent?.includes('prefers-color-scheme');
      if (!theme) script.remove();
    }
    for (const meta of Array.from(document.querySelectorAll('meta[name="next-size-adjust"]'))) meta.remove();
    // Controls that need the live lab: "Run it live", copy buttons, the section Embed buttons.
    for (const button of Array.from(document.querySelectorAll('button'))) {
      if (!button.closest('[data-quiz]')) button.remove();
    }
    for (const status of Array.from(document.querySelectorAll('[data-embed-part="sandbox"] [role="status"]'))) {
      status.textContent = 'Expected result, computed when this lesson was exported. Run it live in the lab (link below).';
    }
    for (const origin of Array.from(document.querySelectorAll('[data-lab-origin]'))) origin.textContent = labOrigin;
    // Folded material (<InDepth>, a collapsed <Exchange>) is open in a package: a course reader may
    // print it or skim it, and an LMS may show the page without its disclosure triangles styled.
    for (const fold of Array.from(document.querySelectorAll('details[data-export-open]'))) fold.setAttribute('open', '');
    for (const link of Array.from(document.querySelectorAll('a[href]'))) {
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#')) continue;
      link.setAttribute('href', new URL(href, labOrigin).toString());
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener');
    }
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = 'lesson.css';
    document.head.appendChild(css);
    const models = document.createElement('script');
    models.type = 'application/json';
    models.id = 'quiz-models';
    document.body.appendChild(models);
    const runtime = document.createElement('script');
    runtime.src = 'scorm-lesson.js';
    document.body.appendChild(runtime);
    return { html: `<!DOCTYPE html>\n${document.documentElement.outerHTML}`, stylesheets };
  }, lab);
}

async function exportLesson(page: Page, base: string, lesson: Lesson, lab: string): Promise<string> {
  const { html, stylesheets } = await staticCopy(page, `${base}/embed/lessons/${lesson.slug}`, lab);
  const css = (await Promise.all(stylesheets.map(async (href) => (await fetch(href)).text()))).join('\n');
  // The stylesheet must not need anything else from the server (fonts, images).
  const external = /url\(\s*['"]?(?!data:)([^'")]+)/.exec(css);
  if (external) throw new Error(`the lesson's CSS refers to ${external[1]}, which the package does not carry`);
  const models = JSON.stringify(Object.fromEntries(lessonQuizModels(lesson).map((quiz) => [quiz.id, quiz]))).replace(/</g, '\\u003c');
  const index = html.replace(
    '<script type="application/json" id="quiz-models"></script>',
    `<script type="application/json" id="quiz-models">${models}</script>`,
  );
  const files: Record<string, Uint8Array> = {
    'index.html': new TextEncoder().encode(index),
    'lesson.css': new TextEncoder().encode(css),
    'scorm-lesson.js': new TextEncoder().encode(RUNTIME),
  };
  files['imsmanifest.xml'] = new TextEncoder().encode(
    scormManifest({ slug: lesson.slug, title: lesson.frontmatter.title, files: Object.keys(files), launch: 'index.html' }),
  );
  const zip = path.join(OUT_DIR, `${lesson.file.replace(/\.mdx$/, '')}.zip`);
  fs.writeFileSync(zip, zipSync(files, { level: 9 }));
  return zip;
}

async function main() {
  const args = process.argv.slice(2);
  const lessons = loadLessons();
  const all = args.includes('--all');
  const named = args.filter((arg) => arg !== '--all');
  if (!all && named.length === 0) {
    console.error(`Usage: npm run export:scorm -- <slug> [<slug> …] | --all\nLessons: ${lessons.map((lesson) => lesson.slug).join(', ')}`);
    process.exit(2);
  }
  const unknown = named.filter((slug) => !lessons.some((lesson) => lesson.slug === slug));
  if (unknown.length > 0) {
    console.error(`No lesson named ${unknown.join(', ')}. Lessons: ${lessons.map((lesson) => lesson.slug).join(', ')}`);
    process.exit(2);
  }
  const chosen = all ? lessons : lessons.filter((lesson) => named.includes(lesson.slug));
  const lab = exportOrigin('The SCORM packages’ commands and links');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const { baseUrl, child } = await startServer({ SANDBOX_SECRET: process.env.SANDBOX_SECRET ?? 'export-scorm-'.padEnd(40, 'x') });
  const browser = await openBrowser({ javaScriptEnabled: false });
  try {
    for (const lesson of chosen) {
      const zip = await exportLesson(browser.page, baseUrl, lesson, lab);
      console.log(`${path.relative(root, zip)}  ${(fs.statSync(zip).size / 1024).toFixed(0)} KiB`);
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
