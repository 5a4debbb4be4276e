// npm run export:scorm -- <slug> … | --all  [--course] [--scorm 1.2|2004] [--lab <origin>]
// Writes SCORM packages of the lessons, each holding a self-contained copy of the lesson that works from
// the zip with no server: dist/scorm/1.2/NN-slug.zip and dist/scorm/2004/NN-slug.zip per lesson named (or
// every lesson with --all), and with --course dist/scorm/{1.2,2004}/course.zip, every lesson its own SCO
// in course order. --scorm picks one version (default both: SCORM 1.2 and SCORM 2004 4th Edition). The
// copy is the lesson's embed page as the production build renders it, with the site's scripts removed:
// the sandbox parts keep their server-rendered transcripts and link to the live lab (--lab, or SITE_URL
// read when exporting; a localhost lab only when asked for, lab-origin.ts). Two small scripts stand in
// for the site's: scorm-lesson.js runs the quizzes and reports completion and score through the LMS's
// SCORM API; lab-live.js runs "Run it live" against the lab when it can be reached, and the Copy buttons.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { loadLessons, type Lesson } from '@/lib/content/lessons';
import { lessonQuizModels } from '@/lib/content/lesson-quizzes';
import type { ScormVersion } from '@/lib/scorm/manifest';
import { openBrowser } from '../chromium.mjs';
import { startServer } from '../serve-build.mjs';
import { scormLabOrigin } from './lab-origin';
import { SCORM_FOLDERS, scormPackage, type LessonFiles } from './scorm-package';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// SCORM_OUT_DIR: another folder for the packages (the tests export into a folder of their own, so two
// test files exporting at once never read each other's half-written zip).
const OUT_DIR = process.env.SCORM_OUT_DIR ?? path.join(root, 'dist', 'scorm');
const RUNTIME = fs.readFileSync(new URL('scorm-lesson.js', import.meta.url), 'utf8');
const LAB_LIVE = fs.readFileSync(new URL('lab-live.js', import.meta.url), 'utf8');

type Page = Awaited<ReturnType<typeof openBrowser>>['page'];

/**
 * The embed page's server-rendered HTML, rewritten in Chromium with scripts off (so the DOM is exactly
 * what the server sent): Next's scripts and preloads removed (the theme head script stays), the
 * controls that only the site's scripts can drive removed ("Run it live" and Copy stay, for
 * lab-live.js), what needs them dropped (data-export-drop), links made absolute to the live lab and
 * opened in a new tab, and the commands' origins (data-lab-origin) made the live lab's.
 */
async function staticCopy(page: Page, url: string, lab: string, exportedOn: string): Promise<{ html: string; stylesheets: string[] }> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}`);
  return page.evaluate(
    ({ labOrigin, date }) => {
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
      // The troubleshooter's step-by-step walk and the like: the readable version next to them stays.
      for (const element of Array.from(document.querySelectorAll('[data-export-drop]'))) element.remove();
      // Buttons only the site's scripts drive (the section Embed buttons, …) go. The package's scripts
      // drive the quizzes' (scorm-lesson.js), and "Run it live" and the commands' Copy (lab-live.js).
      for (const button of Array.from(document.querySelectorAll('button'))) {
        const live = button.hasAttribute('data-live-run') && button.closest('[data-exchange-input]');
        const copy = button.hasAttribute('data-copy-button') && button.closest('figure')?.querySelector('pre');
        if (!button.closest('[data-quiz]') && !live && !copy) button.remove();
      }
      // Which transcript is shown, until the reader runs it live (lab-live.js keeps this note true).
      for (const run of Array.from(document.querySelectorAll('[data-exchange-input]'))) {
        const status = run.querySelector('[role="status"]');
        if (status) status.textContent = `Recorded when this lesson was exported on ${date}.`;
      }
      for (const [name, content] of Object.entries({ 'lab-origin': labOrigin, 'exported-on': date })) {
        const meta = document.createElement('meta');
        meta.name = name;
        meta.content = content;
        document.head.appendChild(meta);
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
      const labLive = document.createElement('script');
      labLive.src = 'lab-live.js';
      document.body.appendChild(labLive);
      return { html: `<!DOCTYPE html>\n${document.documentElement.outerHTML}`, stylesheets };
    },
    { labOrigin: lab, date: exportedOn },
  );
}

/**
 * A stylesheet of the served build, asked for again once on a network error: the fetch reuses a kept-alive
 * connection, and a server closing an idle one as the request leaves makes it fail with "other side
 * closed" (RFC 9112 §9.3.1: a client may retry an idempotent request on a new connection).
 */
async function stylesheetText(href: string): Promise<string> {
  try {
    return await (await fetch(href)).text();
  } catch {
    return (await fetch(href, { headers: { connection: 'close' } })).text();
  }
}

async function lessonFiles(page: Page, base: string, lesson: Lesson, lab: string, exportedOn: string): Promise<LessonFiles> {
  const { html, stylesheets } = await staticCopy(page, `${base}/embed/lessons/${lesson.slug}`, lab, exportedOn);
  const css = (await Promise.all(stylesheets.map(stylesheetText))).join('\n');
  // The stylesheet must not need anything else from the server (fonts, images).
  const external = /url\(\s*['"]?(?!data:)([^'")]+)/.exec(css);
  if (external) throw new Error(`the lesson's CSS refers to ${external[1]}, which the package does not carry`);
  const models = JSON.stringify(Object.fromEntries(lessonQuizModels(lesson).map((quiz) => [quiz.id, quiz]))).replace(/</g, '\\u003c');
  const index = html.replace(
    '<script type="application/json" id="quiz-models"></script>',
    `<script type="application/json" id="quiz-models">${models}</script>`,
  );
  const files = {
    'index.html': new TextEncoder().encode(index),
    'lesson.css': new TextEncoder().encode(css),
    'scorm-lesson.js': new TextEncoder().encode(RUNTIME),
    'lab-live.js': new TextEncoder().encode(LAB_LIVE),
  };
  return { slug: lesson.slug, title: lesson.frontmatter.title, folder: lesson.file.replace(/\.mdx$/, ''), files };
}

function writeZip(version: ScormVersion, name: string, files: Record<string, Uint8Array>): void {
  const zip = path.join(OUT_DIR, SCORM_FOLDERS[version], name);
  fs.mkdirSync(path.dirname(zip), { recursive: true });
  fs.writeFileSync(zip, zipSync(files, { level: 9 }));
  console.log(`${path.relative(root, zip)}  ${(fs.statSync(zip).size / 1024).toFixed(0)} KiB`);
}

type Options = { slugs: string[]; all: boolean; course: boolean; versions: ScormVersion[]; lab?: string };

function parseArgs(args: string[]): Options | string {
  const options: Options = { slugs: [], all: false, course: false, versions: ['1.2', '2004-4th'] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--all') options.all = true;
    else if (arg === '--course') options.course = true;
    else if (arg === '--scorm') {
      const value = args[++i];
      const version = (Object.keys(SCORM_FOLDERS) as ScormVersion[]).find((key) => SCORM_FOLDERS[key] === value);
      if (!version) return `--scorm takes 1.2 or 2004, not ${value ?? 'nothing'}`;
      options.versions = [version];
    } else if (arg === '--lab') {
      const value = args[++i];
      if (value === undefined) return '--lab takes the lab’s origin, e.g. --lab https://lab.example.org';
      options.lab = value;
    } else if (arg.startsWith('--')) return `Unknown option ${arg}`;
    else options.slugs.push(arg);
  }
  if (!options.all && !options.course && options.slugs.length === 0) return 'Name a lesson, or give --all or --course';
  return options;
}

async function main() {
  const lessons = loadLessons();
  const usage = `Usage: npm run export:scorm -- <slug> [<slug> …] | --all  [--course] [--scorm 1.2|2004] [--lab <origin>]\nLessons: ${lessons.map((lesson) => lesson.slug).join(', ')}`;
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(`${options}\n${usage}`);
    process.exit(2);
  }
  const unknown = options.slugs.filter((slug) => !lessons.some((lesson) => lesson.slug === slug));
  if (unknown.length > 0) {
    console.error(`No lesson named ${unknown.join(', ')}. Lessons: ${lessons.map((lesson) => lesson.slug).join(', ')}`);
    process.exit(2);
  }
  const single = options.all ? lessons : lessons.filter((lesson) => options.slugs.includes(lesson.slug));
  // The course package needs every lesson's copy; the per-lesson packages only the ones asked for.
  const copied = options.course ? lessons : single;
  const choice = scormLabOrigin(options.lab, process.env.SITE_URL);
  if (choice.kind === 'refused') {
    console.error(choice.reason);
    process.exit(2);
  }
  if (choice.warning) console.error(choice.warning);
  const lab = choice.origin;
  const exportedOn = new Date().toISOString().slice(0, 10);
  const { baseUrl, child } = await startServer({ SANDBOX_SECRET: process.env.SANDBOX_SECRET ?? 'export-scorm-'.padEnd(40, 'x') });
  const browser = await openBrowser({ javaScriptEnabled: false });
  try {
    const copies: LessonFiles[] = [];
    for (const lesson of copied) copies.push(await lessonFiles(browser.page, baseUrl, lesson, lab, exportedOn));
    for (const version of options.versions) {
      for (const copy of copies.filter((entry) => single.some((lesson) => lesson.slug === entry.slug))) {
        writeZip(version, `${copy.folder}.zip`, scormPackage(version, copy.slug, `HTTP Auth Lab: ${copy.title}`, [copy]));
      }
      if (options.course) writeZip(version, 'course.zip', scormPackage(version, 'course', 'HTTP Auth Lab', copies));
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  // A failed fetch says only "fetch failed"; its cause says why (refused, reset, timed out).
  console.error(error instanceof Error ? [error.message, error.cause].filter(Boolean).join(': ') : error);
  process.exit(1);
});
