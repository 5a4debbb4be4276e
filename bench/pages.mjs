// npm run bench:pages — for each page, the gzip size of the JavaScript and CSS it loads, beside the
// same figures for the 404 page (the baseline). Budgets, in gzip JS above the baseline: a lesson page
// at most 15 KiB, the playground at most 60 KiB. Builds first when there is no production build.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer } from '../scripts/serve-build.mjs';

/** @param {string} pathname @returns {number | undefined} KiB of gzip JS above the 404 page */
function budgetFor(pathname) {
  if (pathname.startsWith('/lessons/')) return 15;
  if (pathname === '/playground') return 60;
  return undefined;
}
const kib = (bytes) => bytes / 1024;

function lessonSlugs() {
  return fs
    .readdirSync(path.join(process.cwd(), 'content', 'lessons'))
    .map((file) => /^\d{2}-(.+)\.mdx$/.exec(file)?.[1])
    .filter(Boolean);
}

/** Script and stylesheet URLs a page's HTML makes the browser load. */
function assetUrls(html) {
  const scripts = new Set();
  const styles = new Set();
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (tag.startsWith('<script') && src && !/\bnoModule\b/i.test(tag)) scripts.add(src);
    if (tag.startsWith('<link') && href && /rel="stylesheet"/.test(tag)) styles.add(href);
    if (tag.startsWith('<link') && href && /rel="preload"/.test(tag) && /as="script"/.test(tag)) scripts.add(href);
  }
  return { scripts: [...scripts], styles: [...styles] };
}

async function measure(baseUrl, pathname, cache) {
  const response = await fetch(new URL(pathname, baseUrl));
  const html = await response.text();
  const { scripts, styles } = assetUrls(html);
  const gzipSize = async (url) => {
    if (!cache.has(url)) {
      const body = Buffer.from(await (await fetch(new URL(url, baseUrl))).arrayBuffer());
      cache.set(url, zlib.gzipSync(body, { level: 9 }).length);
    }
    return cache.get(url);
  };
  const sum = async (urls) => (await Promise.all(urls.map(gzipSize))).reduce((a, b) => a + b, 0);
  return { pathname, status: response.status, js: await sum(scripts), css: await sum(styles), files: scripts.length };
}

const { baseUrl, child } = await startServer({ SANDBOX_SECRET: 'bench-pages-secret-at-least-32-characters' });
try {
  const cache = new Map();
  const baseline = await measure(baseUrl, '/__bench-baseline-404', cache);
  const lessons = lessonSlugs().map((slug) => `/lessons/${slug}`);
  const rows = [];
  for (const pathname of ['/', '/lessons', ...lessons, '/playground', '/api']) rows.push(await measure(baseUrl, pathname, cache));

  const pad = (value, width) => String(value).padStart(width);
  console.log(`${'page'.padEnd(48)}${pad('status', 7)}${pad('JS gz KiB', 11)}${pad('CSS gz KiB', 12)}${pad('JS vs 404', 11)}  budget`);
  const line = (row, label, budget) =>
    console.log(
      `${label.padEnd(48)}${pad(row.status, 7)}${pad(kib(row.js).toFixed(1), 11)}${pad(kib(row.css).toFixed(1), 12)}${pad(
        `${row.js >= baseline.js ? '+' : ''}${kib(row.js - baseline.js).toFixed(1)}`,
        11,
      )}  ${budget}`,
    );
  line(baseline, '404 page (baseline)', '');
  let overBudget = 0;
  for (const row of rows) {
    const limit = budgetFor(row.pathname);
    const above = kib(row.js - baseline.js);
    let budget = '';
    if (limit !== undefined) {
      const ok = above <= limit;
      if (!ok) overBudget += 1;
      budget = `${ok ? 'within' : 'OVER'} ${limit} KiB`;
    }
    line(row, row.pathname, budget);
  }
  console.log(overBudget === 0 ? 'Every page with a budget is within it.' : `${overBudget} page(s) over budget.`);
  process.exitCode = overBudget === 0 ? 0 : 1;
} finally {
  child.kill('SIGTERM');
}
