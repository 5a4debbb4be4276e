import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { firstLesson } from './support/site';

const TSX = path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');

// npm run export:pdf writes a handout per lesson with Debian's Chromium and the print stylesheet.

test('export:pdf prints a lesson to a multi-page PDF handout, and refuses an unknown lesson by name', () => {
  const root = process.cwd();
  const lesson = firstLesson();
  const file = path.join(root, 'dist', 'pdf', `${lesson.file.replace(/\.mdx$/, '')}.pdf`);
  fs.rmSync(file, { force: true });
  const output = execFileSync(process.execPath, [TSX, 'scripts/export/pdf.ts', lesson.slug], { cwd: root, encoding: 'utf8' });
  expect(output).toContain(path.relative(root, file));
  const pdf = fs.readFileSync(file);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // A lesson is several A4 pages, not a clipped screen.
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages.length).toBeGreaterThan(3);
  expect(() => execFileSync(process.execPath, [TSX, 'scripts/export/pdf.ts', 'no-such-lesson'], { cwd: root, stdio: 'pipe' })).toThrow(
    /No lesson named no-such-lesson/,
  );
}, 120_000);
