// npm run export:scorm -- <slug> … | --all  [--course] [--scorm 1.2|2004] [--lab <origin>]
// Writes SCORM packages of the lessons, each holding a self-contained copy of the lesson that works from
// the zip with no server: dist/scorm/1.2/NN-slug.zip and dist/scorm/2004/NN-slug.zip per lesson named (or
// every lesson with --all), and with --course dist/scorm/{1.2,2004}/course.zip, every lesson its own SCO
// in course order. --scorm picks one version (default both: SCORM 1.2 and SCORM 2004 4th Edition).
// The packages are the very files the running site offers trainers (lib/export/scorm-downloads.ts): this
// starts the production build with SITE_URL set to the lab the packages call (--lab, or SITE_URL read
// when exporting; a localhost lab only when asked for, lab-origin.ts) and downloads them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLessons } from '@/lib/content/lessons';
import { getRetryingOnce } from '@/lib/export/fetch-own';
import { SCORM_FOLDERS, scormDownloadPath } from '@/lib/export/scorm-download-paths';
import type { ScormVersion } from '@/lib/scorm/manifest';
import { startServer } from '../serve-build.mjs';
import { scormLabOrigin } from './lab-origin';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// SCORM_OUT_DIR: another folder for the packages (the tests export into a folder of their own, so two
// test files exporting at once never read each other's half-written zip).
const OUT_DIR = process.env.SCORM_OUT_DIR ?? path.join(root, 'dist', 'scorm');

/** A package from the server. */
async function download(url: string): Promise<Uint8Array> {
  const response = await getRetryingOnce(url);
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}: ${await response.text()}`);
  return new Uint8Array(await response.arrayBuffer());
}

function writeZip(version: ScormVersion, name: string, bytes: Uint8Array): void {
  const zip = path.join(OUT_DIR, SCORM_FOLDERS[version], name);
  fs.mkdirSync(path.dirname(zip), { recursive: true });
  fs.writeFileSync(zip, bytes);
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
  const choice = scormLabOrigin(options.lab, process.env.SITE_URL);
  if (choice.kind === 'refused') {
    console.error(choice.reason);
    process.exit(2);
  }
  if (choice.warning) console.error(choice.warning);
  const { baseUrl, child } = await startServer({
    SANDBOX_SECRET: process.env.SANDBOX_SECRET ?? 'export-scorm-'.padEnd(40, 'x'),
    // The server's downloads name SITE_URL's origin: here, the lab the packages call.
    SITE_URL: choice.origin,
  });
  try {
    for (const version of options.versions) {
      for (const lesson of single)
        writeZip(version, `${lesson.file.replace(/\.mdx$/, '')}.zip`, await download(`${baseUrl}${scormDownloadPath(version, lesson)}`));
      if (options.course) writeZip(version, 'course.zip', await download(`${baseUrl}${scormDownloadPath(version)}`));
    }
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  // A failed fetch says only "fetch failed"; its cause says why (refused, reset, timed out).
  console.error(error instanceof Error ? [error.message, error.cause].filter(Boolean).join(': ') : error);
  process.exit(1);
});
