// Longest first, so neither worker is left with a long file at the end. Jest orders by each file's time
// in its last run, and without one (a fresh clone) by file size, which says little here: pages.test.ts is
// short and the slowest file of all. A file with no recorded time is given its project's typical time
// (measured, bench/README.md "Test run"), its size only breaking ties.
import TestSequencer from '@jest/test-sequencer';

const TYPICAL_MS = { browser: 8_000, http: 4_000 };
const OTHER_MS = 500;

export default class LongestFirst extends TestSequencer {
  /** @param {import('@jest/test-result').Test} test */
  time(test) {
    const recorded = super.time(test);
    if (recorded !== undefined) return recorded;
    const project = test.context.config.displayName?.name ?? '';
    return (TYPICAL_MS[project] ?? OTHER_MS) + (test.context.hasteFS.getSize(test.path) ?? 0) / 1_000;
  }
}
