// Prints "tests: N passed, M failed" from the runners' own reports (Jest's JSON file and the checks
// file written by scripts/test.sh), saves it to test-results/summary.txt, and exits 1 on any failure.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
const notes = [];

const checks = fs.existsSync('test-results/checks.tsv') ? fs.readFileSync('test-results/checks.tsv', 'utf8') : '';
for (const line of checks.split('\n').filter(Boolean)) {
  const [name, outcome] = line.split('\t');
  if (outcome === 'passed') passed += 1;
  else {
    failed += 1;
    notes.push(`check failed: ${name}`);
  }
}

if (fs.existsSync('test-results/jest.json')) {
  const report = JSON.parse(fs.readFileSync('test-results/jest.json', 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A suite that fails to load has no failed tests but must still count as a failure.
  const brokenSuites = report.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0);
  failed += brokenSuites.length;
  for (const suite of brokenSuites) notes.push(`suite failed to run: ${suite.name}`);
  if (report.numTotalTests === 0) {
    failed += 1;
    notes.push('jest ran no test');
  }
} else {
  failed += 1;
  notes.push('no Jest report (test-results/jest.json): Jest did not run');
}

for (const note of notes) console.log(note);
const summary = `tests: ${passed} passed, ${failed} failed`;
fs.mkdirSync('test-results', { recursive: true });
fs.writeFileSync('test-results/summary.txt', `${summary}\n`);
console.log(summary);
process.exit(failed > 0 ? 1 : 0);
