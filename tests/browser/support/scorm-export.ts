import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Lesson } from '@/lib/content/lessons';
import { baseUrl } from './site';

export type ScormFiles = Record<string, Uint8Array>;

export type ScormPackages = { '1.2': ScormFiles; '2004': ScormFiles };

/**
 * Exports `lessons` with `npm run export:scorm`'s script into a folder of this test file's own (SCORM_OUT_DIR,
 * so files exporting at the same time never share a zip) and returns both packages' files per lesson,
 * in the order given. `lab`: the lab the packages call and link to, passed as --lab (the test server's
 * own by default: the exporter refuses to guess a localhost one).
 */
export function exportScormLessons(lessons: readonly Lesson[], lab: string = baseUrl()): ScormPackages[] {
  const root = process.cwd();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'scorm-export-'));
  try {
    execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/export/scorm.ts', ...lessons.map((lesson) => lesson.slug), '--lab', lab],
      { cwd: root, stdio: 'pipe', env: { ...process.env, SCORM_OUT_DIR: out } },
    );
    return lessons.map((lesson) => {
      const name = `${lesson.file.replace(/\.mdx$/, '')}.zip`;
      const read = (version: string) => unzipSync(fs.readFileSync(path.join(out, version, name)));
      return { '1.2': read('1.2'), '2004': read('2004') };
    });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** One lesson's packages, as exportScormLessons makes them. */
export function exportScormLesson(lesson: Lesson, lab?: string): ScormPackages {
  const [packages] = exportScormLessons([lesson], lab);
  if (!packages) throw new Error(`no package for ${lesson.slug}`);
  return packages;
}

/** Writes a package's files into a new temporary folder and returns it. */
export function extractScorm(files: ScormFiles, prefix: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  }
  return folder;
}
