// npm run bench:lessons — how tall every lesson is at 1366×900 in Chromium (the document's scroll height
// in CSS pixels, after hydration and web fonts), beside the baseline in bench/lesson-length-baseline.json:
// the same measure of the commit named there (issue 16, "Make the first minutes good": lesson 1 was about
// 21 800 px). `--record` rewrites the baseline from this build and the current commit. Builds first when
// there is no production build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve-build.mjs';

const VIEWPORT = { width: 1366, height: 900 };
const BASELINE_FILE = path.join(process.cwd(), 'bench', 'lesson-length-baseline.json');
const record = process.argv.includes('--record');

function lessonSlugs() {
  return fs
    .readdirSync(path.join(process.cwd(), 'content', 'lessons'))
    .map((file) => /^\d{2}-(.+)\.mdx$/.exec(file)?.[1])
    .filter(Boolean)
    .sort();
}

/** @returns {{ commit: string; viewport: typeof VIEWPORT; heights: Record<string, number> } | undefined} */
function readBaseline() {
  if (!fs.existsSync(BASELINE_FILE)) return undefined;
  return JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8'));
}

async function measure(page, url) {
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  // Sections below the first screen are laid out only when the reader nears them (content-visibility:
  // auto, lib/site/deferred-sections.ts), so until then the document's height counts an estimate for each.
  // The attribute a fragment jump sets lays out every one, as a reader scrolling to the end would.
  await page.evaluate(() => document.documentElement.setAttribute('data-all-sections', ''));
  // Two frames: the sticky contents bar measures itself after hydration and may change the layout once.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => document.documentElement.scrollHeight);
}

const { baseUrl, child } = await startServer({ SANDBOX_SECRET: 'bench-lessons-secret-at-least-32-characters' });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  const page = await context.newPage();
  const heights = {};
  for (const slug of lessonSlugs()) heights[slug] = await measure(page, `${baseUrl}/lessons/${slug}`);

  if (record) {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    fs.writeFileSync(BASELINE_FILE, `${JSON.stringify({ commit, viewport: VIEWPORT, heights }, null, 2)}\n`);
    console.log(`Recorded the baseline of ${commit} in ${path.relative(process.cwd(), BASELINE_FILE)}`);
  }
  const baseline = readBaseline();
  const pad = (value, width) => String(value).padStart(width);
  console.log(`Lesson heights at ${VIEWPORT.width}×${VIEWPORT.height}, px; baseline: ${baseline ? baseline.commit.slice(0, 7) : 'none'}`);
  console.log(`${'lesson'.padEnd(36)}${pad('now', 8)}${pad('baseline', 10)}${pad('change', 9)}`);
  let totalNow = 0;
  let totalBefore = 0;
  for (const [slug, now] of Object.entries(heights)) {
    const before = baseline?.heights[slug];
    totalNow += now;
    totalBefore += before ?? now;
    const change = before === undefined ? 'new' : `${now <= before ? '' : '+'}${Math.round(((now - before) / before) * 100)} %`;
    console.log(`${slug.padEnd(36)}${pad(now, 8)}${pad(before ?? '—', 10)}${pad(change, 9)}`);
  }
  console.log(`${'all lessons'.padEnd(36)}${pad(totalNow, 8)}${pad(totalBefore, 10)}`);
} finally {
  await browser.close();
  child.kill();
}
