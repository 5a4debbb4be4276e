// Longest first, so neither worker is left with a long file at the end. Jest orders by each file's time
// in its last run, and without one (a fresh clone) by file size, which says little here: pages.test.ts is
// short and the slowest file of all. So a file with no time of Jest's own gets the seconds it took in a
// recorded run (tests/setup/file-times.json, written by scripts/record-test-times.mjs), and a file newer
// than that record its project's typical time, its size only breaking ties.
import fs from 'node:fs';
import path from 'node:path';
import TestSequencer from '@jest/test-sequencer';

const TYPICAL_MS = { browser: 8_000, http: 4_000 };
const OTHER_MS = 500;
const RECORDED_S = JSON.parse(fs.readFileSync(new URL('./file-times.json', import.meta.url), 'utf8'));

export default class LongestFirst extends TestSequencer {
  /** @param {import('@jest/test-result').Test} test */
  time(test) {
    const own = super.time(test);
    if (own !== undefined) return own;
    const recorded = RECORDED_S[path.relative(test.context.config.rootDir, test.path)];
    if (typeof recorded === 'number') return recorded * 1_000;
    const project = test.context.config.displayName?.name ?? '';
    return (TYPICAL_MS[project] ?? OTHER_MS) + (test.context.hasteFS.getSize(test.path) ?? 0) / 1_000;
  }
}
