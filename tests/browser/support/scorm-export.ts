import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import type { Lesson } from '@/lib/content/lessons';

export type ScormFiles = Record<string, Uint8Array>;

/**
 * Exports `lesson` with `npm run export:scorm`'s script into a folder of this test file's own (SCORM_OUT_DIR,
 * so files exporting at the same time never share a zip) and returns both packages' files.
 */
export function exportScormLesson(lesson: Lesson): { '1.2': ScormFiles; '2004': ScormFiles } {
  const root = process.cwd();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'scorm-export-'));
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/export/scorm.ts', lesson.slug], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, SCORM_OUT_DIR: out },
    });
    const name = `${lesson.file.replace(/\.mdx$/, '')}.zip`;
    const read = (version: string) => unzipSync(fs.readFileSync(path.join(out, version, name)));
    return { '1.2': read('1.2'), '2004': read('2004') };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
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
