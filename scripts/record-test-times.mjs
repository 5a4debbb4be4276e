// Writes tests/setup/file-times.json: each test file's seconds in the last `npm test`, read from Jest's own
// report (test-results/jest.json). The sequencer (tests/setup/sequencer.mjs) starts the longest files first
// from it when Jest has no timings of its own, as in a fresh clone, so neither worker is left with a long
// browser file at the end. Run it after `npm test` when files were added or got much slower or faster.
import fs from 'node:fs';
import path from 'node:path';

const report = JSON.parse(fs.readFileSync('test-results/jest.json', 'utf8'));
const times = Object.fromEntries(
  report.testResults
    .map((suite) => [path.relative(process.cwd(), suite.name), Math.round((suite.endTime - suite.startTime) / 100) / 10])
    .sort(([a], [b]) => a.localeCompare(b)),
);
fs.writeFileSync('tests/setup/file-times.json', `${JSON.stringify(times, null, 2)}\n`);
console.log(`tests/setup/file-times.json: ${Object.keys(times).length} files`);
