#!/usr/bin/env bash
# The whole test run: lint and type check side by side, the production build, then every Jest project
# (unit, components, http, browser) on two workers. Each step runs even when an earlier one failed, so
# one run reports everything; the last line is "tests: N passed, M failed", counted from Jest's JSON
# report plus the three checks. Why this order and these numbers: bench/README.md, "Test run".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/checks.tsv test-results/jest.json test-results/summary.txt test-results/lint.log test-results/prettier.log test-results/typecheck.log

check() {
  local name="$1"; shift
  echo "== $name: $*"
  if "$@"; then
    printf '%s\tpassed\n' "$name" >> test-results/checks.tsv
  else
    printf '%s\tfailed\n' "$name" >> test-results/checks.tsv
  fi
}

# ESLint, Prettier and tsc each keep one core busy (npm run lint is ESLint then Prettier; here they are
# two checks, 43 s one after another for the lint alone, 2026-12-06). Each writes to a log of its own,
# shown in order once all are done. tsc runs before the build on purpose: the build writes next-env.d.ts
# and .next/types, which tsc would otherwise read half-written.
check eslint npx eslint . --max-warnings 0 > test-results/lint.log 2>&1 &
check prettier npx prettier --check . > test-results/prettier.log 2>&1 &
check typecheck npx tsc --noEmit > test-results/typecheck.log 2>&1 &
bash scripts/ensure-test-tools.sh || printf 'test-tools\tfailed\n' >> test-results/checks.tsv
wait
cat test-results/lint.log test-results/prettier.log test-results/typecheck.log
# tsc just checked the program next build would check again (next.config.mjs, LAB_TYPES_CHECKED).
check build env LAB_TYPES_CHECKED=1 npm run build
echo "== jest (unit, components, http, browser)"
# Two workers on two cores: the browser and HTTP tests mostly wait on Chromium and the server, and the
# other worker fills those waits (one worker, Jest's default here, took 3 min 28 s against 2 min 16 s).
npx jest --ci --maxWorkers=2 --json --outputFile=test-results/jest.json
node scripts/test-summary.mjs
