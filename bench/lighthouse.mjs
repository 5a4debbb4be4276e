// npm run bench:lighthouse: Lighthouse 12.2.3 (pinned) with Debian's Chromium on the production server
// (server.ts via scripts/serve-build.mjs): the home page, the first lesson and the playground, each as
// a mobile device (Lighthouse's default: Moto G Power, simulated slow 4G and 4× CPU slowdown) and as a
// desktop. Prints the four category scores and LCP, TBT and CLS beside the goals (100 accessibility,
// best practices and SEO everywhere; performance ≥ 98 on mobile, 100 on desktop), then the audits that
// kept a category below 100. Full JSON reports land in test-results/lighthouse/.
// Baseline beside them, in the same run: bench/floor-app, the smallest page the stack can ship (the
// same Next.js and React, one paragraph, nothing of the lab), built on first use into its own .next.
// Each page and form factor runs RUNS times (default 3; LIGHTHOUSE_RUNS=N): the row shows the run with
// the median performance score and the range of all runs, since one run on this machine can land a few
// points either side (bench/README.md says why).
// Exit code 1 only when a run failed; a score below its goal is a finding, printed as BELOW.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { freePort, startServer } from '../scripts/serve-build.mjs';
import { children, stopAll } from './support/runner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORTS = path.join(root, 'test-results', 'lighthouse');
const CATEGORIES = /** @type {const} */ (['performance', 'accessibility', 'best-practices', 'seo']);
/** @type {Record<'mobile' | 'desktop', Record<(typeof CATEGORIES)[number], number>>} */
const GOALS = {
  mobile: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
  desktop: { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 },
};

const RUNS = Number.parseInt(process.env.LIGHTHOUSE_RUNS ?? '3', 10);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 15) throw new Error(`LIGHTHOUSE_RUNS must be an integer from 1 to 15, not ${process.env.LIGHTHOUSE_RUNS}`);

function firstLessonPath() {
  const file = fs
    .readdirSync(path.join(root, 'content', 'lessons'))
    .filter((name) => /^\d\d-.+\.mdx$/.test(name))
    .sort()[0];
  if (!file) throw new Error('no lessons in content/lessons');
  return `/lessons/${file.replace(/^\d\d-/, '').replace(/\.mdx$/, '')}`;
}

const FLOOR_APP = path.join(root, 'bench', 'floor-app');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

/** The floor app's production server (`next start`), built first when it has no build. */
async function startFloorApp() {
  if (!fs.existsSync(path.join(FLOOR_APP, '.next', 'BUILD_ID'))) {
    const build = spawnSync(process.execPath, [nextBin, 'build', FLOOR_APP], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (build.status !== 0) throw new Error('building bench/floor-app failed');
  }
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin, 'start', FLOOR_APP, '--port', String(port), '--hostname', '127.0.0.1'], { cwd: root, stdio: 'ignore' });
  children.push(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(baseUrl)).ok) return baseUrl;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('bench/floor-app did not answer within 30 s');
}

/** Debian's Chromium with a DevTools port for Lighthouse (the flags of scripts/chromium.mjs, headless). */
async function startChromium() {
  const port = await freePort();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'http-auth-lab-lighthouse-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      '--headless=new',
      `--remote-debugging-port=${port}`,
      '--remote-debugging-address=127.0.0.1',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    {
      stdio: 'ignore',
    },
  );
  children.push(child);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (response.ok) return { port, profile, child };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Chromium (${CHROMIUM_PATH}) did not open its DevTools port within 30 s`);
}

/** Audits that cost a category points: id and what Lighthouse showed (score below 1, scored ones only). */
function failingAudits(lhr) {
  /** @type {Map<string, string>} */
  const failing = new Map();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      if (category === 'performance' && ref.weight === 0 && audit.scoreDisplayMode !== 'metricSavings') continue;
      failing.set(audit.id, `${category}: ${audit.id} (${audit.score.toFixed(2)}${audit.displayValue ? `, ${audit.displayValue}` : ''})`);
    }
  }
  return [...failing.values()];
}

let failed = false;
try {
  const server = await startServer({ SANDBOX_SECRET: 'bench-lighthouse-fixed-secret-0123456789' });
  children.push(server.child);
  const floorUrl = await startFloorApp();
  const chromium = await startChromium();
  fs.mkdirSync(REPORTS, { recursive: true });
  const pages = [
    { name: 'floor', path: '/', baseUrl: floorUrl, baseline: true },
    { name: 'home', path: '/', baseUrl: server.baseUrl },
    { name: 'lesson', path: firstLessonPath(), baseUrl: server.baseUrl },
    { name: 'playground', path: '/playground', baseUrl: server.baseUrl },
  ];
  console.log(
    `Lighthouse 12.2.3, ${CHROMIUM_PATH}, node ${process.version}, ${os.availableParallelism?.() ?? os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(2)} before the run`,
  );
  const rows = [];
  const findings = [];
  for (const formFactor of /** @type {const} */ (['mobile', 'desktop'])) {
    for (const page of pages) {
      const url = new URL(page.path, page.baseUrl).href;
      const runs = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(
          url,
          { port: chromium.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
          formFactor === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
        if (result.lhr.runtimeError) throw new Error(`${url} (${formFactor}): ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        runs.push(result.lhr);
      }
      const performanceOf = (/** @type {any} */ report) => Math.round((report.categories.performance?.score ?? 0) * 100);
      runs.sort((a, b) => performanceOf(a) - performanceOf(b));
      const lhr = runs[Math.floor((runs.length - 1) / 2)];
      const range = `${performanceOf(runs[0])}–${performanceOf(runs.at(-1))}`;
      fs.writeFileSync(path.join(REPORTS, `${page.name}-${formFactor}.json`), JSON.stringify(lhr));
      const scores = Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? 0) * 100)]));
      const below = CATEGORIES.filter((category) => (scores[category] ?? 0) < GOALS[formFactor][category]);
      rows.push({
        page: `${page.name} ${page.path}`,
        formFactor,
        scores,
        lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
        tbt: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
        benchmark: lhr.environment.benchmarkIndex,
        range,
        verdict: page.baseline ? 'baseline (empty Next.js page)' : below.length === 0 ? 'PASS' : `BELOW (${below.join(', ')})`,
      });
      const audits = failingAudits(lhr);
      if (audits.length > 0) findings.push(`${page.name} ${formFactor}: ${audits.join('; ')}`);
    }
  }
  console.log('');
  console.log(
    `${'page'.padEnd(48)}${'form'.padEnd(9)}${'perf'.padStart(5)}${'runs'.padStart(9)}${'a11y'.padStart(6)}${'b-p'.padStart(5)}${'seo'.padStart(5)}${'LCP ms'.padStart(8)}${'TBT ms'.padStart(8)}${'CLS'.padStart(7)}${'bench'.padStart(7)}  goal`,
  );
  for (const row of rows) {
    const [performance, ...others] = CATEGORIES.map((category) => String(row.scores[category]));
    console.log(
      `${row.page.padEnd(48)}${row.formFactor.padEnd(9)}${performance.padStart(5)}${row.range.padStart(9)}${others.map((score, index) => score.padStart(index === 0 ? 6 : 5)).join('')}${Math.round(row.lcp).toString().padStart(8)}${Math.round(row.tbt).toString().padStart(8)}${row.cls.toFixed(3).padStart(7)}${Math.round(row.benchmark).toString().padStart(7)}  ${row.verdict}`,
    );
  }
  console.log('');
  console.log(
    `goals: accessibility, best practices, SEO 100; performance ≥ 98 mobile, 100 desktop. Each row is the median of ${RUNS} run(s) by performance ("runs" is their range). "bench" is Lighthouse's CPU benchmark index of this machine during the run.`,
  );
  console.log(findings.length === 0 ? 'no audit cost any points' : `audits that cost points:\n${findings.map((line) => `  ${line}`).join('\n')}`);
  console.log(`reports: ${path.relative(root, REPORTS)}/<page>-<form>.json`);
} catch (error) {
  failed = true;
  console.error(`bench:lighthouse failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await stopAll();
}
process.exitCode = failed ? 1 : 0;
