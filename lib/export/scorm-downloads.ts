// SCORM packages built by the running site for the address it is reached at (issue 17): the page for
// trainers links to them, and `npm run export:scorm` downloads the same files from a server it starts.
// A lesson's copy is made once from the site's own embed page (lib/export/static-copy.ts) with a
// placeholder for the lab's address; each download writes the real address in and zips.
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { Lesson } from '@/lib/content/lessons';
import { lessonQuizModels } from '@/lib/content/lesson-quizzes';
import { lessonFileBase, type ScormDownload } from './scorm-download-paths';
import { scormPackage, type LessonFiles } from './scorm-package';
import { staticCopy } from './static-copy';

/**
 * Stands in for the lab's origin in a cached copy (RFC 6761 §6.4: .invalid never resolves). An origin
 * has no path, so "placeholder/lessons/x" becomes "origin/lessons/x" by plain replacement.
 */
export const LAB_PLACEHOLDER = 'https://lab-origin.invalid';

const runtimeScript = (name: string) => fs.readFileSync(path.join(process.cwd(), 'lib', 'scorm', 'runtime', name));

/** Fetches one of the site's own resources by path (an embed page, a stylesheet) as text. */
export type FetchOwn = (resourcePath: string) => Promise<string>;

/**
 * One lesson's package files with the lab's address as LAB_PLACEHOLDER: its embed page made static,
 * the site's stylesheet (which must need nothing else from the server), the quiz models and the two
 * package scripts.
 */
export async function lessonCopy(fetchOwn: FetchOwn, lesson: Lesson, exportedOn: string): Promise<LessonFiles> {
  const page = await fetchOwn(`/embed/lessons/${lesson.slug}`);
  const { html, stylesheets } = staticCopy(page, LAB_PLACEHOLDER, exportedOn);
  const css = (await Promise.all(stylesheets.map((href) => fetchOwn(href)))).join('\n');
  const external = /url\(\s*['"]?(?!data:)([^'")]+)/.exec(css);
  if (external) throw new Error(`the lesson's CSS refers to ${external[1]}, which the package does not carry`);
  const models = JSON.stringify(Object.fromEntries(lessonQuizModels(lesson).map((quiz) => [quiz.id, quiz]))).replace(/</g, '\\u003c');
  const index = html.replace(
    '<script type="application/json" id="quiz-models"></script>',
    `<script type="application/json" id="quiz-models">${models}</script>`,
  );
  if (index === html) throw new Error('the static copy has no quiz-models script to fill');
  const encode = (text: string) => new TextEncoder().encode(text);
  return {
    slug: lesson.slug,
    title: lesson.frontmatter.title,
    folder: lessonFileBase(lesson),
    files: {
      'index.html': encode(index),
      'lesson.css': encode(css),
      'scorm-lesson.js': new Uint8Array(runtimeScript('scorm-lesson.js')),
      'lab-live.js': new Uint8Array(runtimeScript('lab-live.js')),
    },
  };
}

const escapeHtml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const PLACEHOLDER_HOST = new URL(LAB_PLACEHOLDER).host;

/**
 * The copy with `labOrigin` where the placeholder origin was, and its host where the placeholder's host
 * was (the transcripts' Host fields); escaped for HTML, since a Host may carry & or '.
 */
export function withLabOrigin(copy: LessonFiles, labOrigin: string): LessonFiles {
  const index = new TextDecoder().decode(copy.files['index.html']);
  const named = index.replaceAll(LAB_PLACEHOLDER, escapeHtml(labOrigin)).replaceAll(PLACEHOLDER_HOST, escapeHtml(new URL(labOrigin).host));
  return { ...copy, files: { ...copy.files, 'index.html': new TextEncoder().encode(named) } };
}

/** The zip of a download from the lessons' copies (every lesson's for the course, in course order). */
export function scormZip(download: ScormDownload, copies: readonly LessonFiles[], labOrigin: string): Uint8Array {
  const named = copies.map((copy) => withLabOrigin(copy, labOrigin));
  const files =
    download.kind === 'course'
      ? scormPackage(download.version, 'course', 'HTTP Auth Lab', named)
      : scormPackage(
          download.version,
          download.lesson.slug,
          `HTTP Auth Lab: ${download.lesson.frontmatter.title}`,
          named.filter((copy) => copy.slug === download.lesson.slug),
        );
  return zipSync(files, { level: 6 });
}
