// npm run bench:handouts — how many A4 pages each lesson's PDF handout has (issue 17: "331 pages for 12
// lessons"), beside the baseline in bench/handouts-baseline.json: the full handouts of the commit named
// there. Exports every lesson with `npm run export:pdf` (all its editions: full, trainer, short, or only
// the full one on a commit that has no editions) into dist/pdf, then reads each file's page count with
// pdfinfo (Debian's poppler-utils, scripts/ensure-test-tools.sh). `--record` rewrites the baseline from
// this build and the current commit. Needs a production build (npm run build).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const outDir = path.join(root, 'dist', 'pdf');
const BASELINE_FILE = path.join(root, 'bench', 'handouts-baseline.json');
const record = process.argv.includes('--record');
const EDITIONS = ['full', 'trainer', 'short'];

/** @param {string} file */
function pages(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /^Pages:\s+(\d+)$/m.exec(info);
  if (!match) throw new Error(`pdfinfo gave no page count for ${file}`);
  return Number(match[1]);
}

/** NN-slug.pdf is the full edition, NN-slug-trainer.pdf and NN-slug-short.pdf the others. */
function lessonFiles() {
  const lessons = fs
    .readdirSync(path.join(root, 'content', 'lessons'))
    .map((file) => /^(\d{2}-(.+))\.mdx$/.exec(file))
    .filter((match) => match !== null)
    .map((match) => ({ base: match[1], slug: match[2] }))
    .sort((a, b) => a.base.localeCompare(b.base));
  return lessons.map(({ base, slug }) => ({
    slug,
    files: Object.fromEntries(EDITIONS.map((edition) => [edition, path.join(outDir, edition === 'full' ? `${base}.pdf` : `${base}-${edition}.pdf`)])),
  }));
}

/** @returns {{ commit: string; pages: Record<string, number> } | undefined} */
function readBaseline() {
  if (!fs.existsSync(BASELINE_FILE)) return undefined;
  return JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8'));
}

// A stale file from an earlier run must not be counted as this commit's.
fs.rmSync(outDir, { recursive: true, force: true });
const started = Date.now();
execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/export/pdf.ts'], { cwd: root, stdio: 'inherit' });
const seconds = ((Date.now() - started) / 1000).toFixed(0);

/** @type {Record<string, Record<string, number | undefined>>} */
const counts = {};
for (const { slug, files } of lessonFiles()) {
  counts[slug] = Object.fromEntries(EDITIONS.map((edition) => [edition, fs.existsSync(files[edition]) ? pages(files[edition]) : undefined]));
}

if (record) {
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  const full = Object.fromEntries(Object.entries(counts).map(([slug, editions]) => [slug, editions.full]));
  fs.writeFileSync(BASELINE_FILE, `${JSON.stringify({ commit, pages: full }, null, 2)}\n`);
  console.log(`Recorded the baseline of ${commit} in ${path.relative(root, BASELINE_FILE)}`);
}
const baseline = readBaseline();
const pad = (value, width) => String(value ?? '—').padStart(width);
console.log(`\nHandout pages (A4); exported in ${seconds} s; baseline: ${baseline ? baseline.commit.slice(0, 7) : 'none'} (full edition)`);
console.log(`${'lesson'.padEnd(36)}${pad('baseline', 9)}${pad('full', 6)}${pad('trainer', 9)}${pad('short', 7)}`);
const totals = { baseline: 0, full: 0, trainer: 0, short: 0 };
for (const [slug, editions] of Object.entries(counts)) {
  const before = baseline?.pages[slug];
  totals.baseline += before ?? 0;
  for (const edition of EDITIONS) totals[edition] += editions[edition] ?? 0;
  console.log(`${slug.padEnd(36)}${pad(before, 9)}${pad(editions.full, 6)}${pad(editions.trainer, 9)}${pad(editions.short, 7)}`);
}
console.log(`${'all lessons'.padEnd(36)}${pad(totals.baseline, 9)}${pad(totals.full, 6)}${pad(totals.trainer, 9)}${pad(totals.short, 7)}`);
