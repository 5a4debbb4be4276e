// npm run bench:har — how long the traffic page (/troubleshoot/traffic) blocks its main thread while a 50 MB
// HAR is analysed: the longest long task (PerformanceObserver 'longtask', tasks over 50 ms) from choosing the
// file to the rendered report, in headless Chromium against the production server. Budget: 200 ms. Printed
// beside its baseline, in the same run: the same file analysed by lib/har on the page's main thread.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openBrowser } from '../scripts/chromium.mjs';
import { startServer } from '../scripts/serve-build.mjs';
import { syntheticHar } from './support/synthetic-har.mjs';

const BUDGET_MS = 200;
const MEGABYTES = Number(process.argv.find((arg) => arg.startsWith('--mb='))?.split('=')[1] ?? 50);
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-har-'));
const file = path.join(dir, 'large.har');
const { text, entries } = syntheticHar(MEGABYTES * 1024 * 1024);
fs.writeFileSync(file, text);

// lib/har for the baseline, bundled for the browser as the worker's own copy is.
const bundle = await build({
  entryPoints: [path.join(root, 'lib/har/index.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  globalName: 'LabHar',
  write: false,
  logLevel: 'silent',
  tsconfig: path.join(root, 'tsconfig.json'),
});

/** Starts collecting long tasks in the page; `longest()` reads the longest since. */
const watchLongTasks = (page) =>
  page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask' });
  });
const longest = (page) => page.evaluate(() => ({ longest: Math.max(0, ...window.__longTasks), count: window.__longTasks.length }));

const { baseUrl, child } = await startServer({ SANDBOX_SECRET: 'bench-har-secret-at-least-32-characters' });
const session = await openBrowser({ viewport: { width: 1400, height: 1000 } });
try {
  const { page } = session;
  await page.goto(`${baseUrl}/troubleshoot/traffic`, { waitUntil: 'networkidle' });

  // 1. The page as it is: the worker analyses, the main thread draws the report.
  await watchLongTasks(page);
  let started = performance.now();
  await page.getByLabel('Choose a HAR file (or drop it here)').setInputFiles(file);
  await page.getByRole('heading', { name: 'Report on large.har' }).waitFor({ timeout: 180_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  const worker = { ...(await longest(page)), ms: performance.now() - started };

  // 2. Baseline: the same file, analysed by lib/har on the main thread (no report drawn).
  await page.reload({ waitUntil: 'networkidle' });
  await page.addScriptTag({ content: bundle.outputFiles[0].text });
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.id = 'bench-file';
    document.body.append(input);
  });
  await page.locator('#bench-file').setInputFiles(file);
  await watchLongTasks(page);
  started = performance.now();
  const exchanges = await page.evaluate(async () => {
    const bytes = new Uint8Array(await document.getElementById('bench-file').files[0].arrayBuffer());
    const { analysis } = window.LabHar.analyseRecording(bytes);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return analysis.kind === 'analysed' ? analysis.exchanges.length : analysis.message;
  });
  const main = { ...(await longest(page)), ms: performance.now() - started };

  const row = (label, run) =>
    `${label.padEnd(36)} longest block ${run.longest.toFixed(0).padStart(6)} ms   long tasks ${String(run.count).padStart(3)}   total ${(run.ms / 1000).toFixed(1)} s`;
  console.log(`${MEGABYTES} MB HAR, ${entries} entries (${exchanges} read on the main thread)`);
  console.log(row('page (Web Worker), to the report', worker));
  console.log(row('baseline: lib/har on the main thread', main));
  console.log(`budget ${BUDGET_MS} ms: ${worker.longest <= BUDGET_MS ? 'PASS' : 'OVER'}`);
} finally {
  await session.close();
  child.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
