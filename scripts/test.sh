#!/usr/bin/env bash
# The whole test run: lint, type check, production build, then every Jest project (unit, components,
# browser). Each step runs even when an earlier one failed, so one run reports everything; the last
# line is "tests: N passed, M failed", counted from Jest's JSON report plus the three checks.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -f test-results/checks.tsv test-results/jest.json test-results/summary.txt

check() {
  local name="$1"; shift
  echo "== $name: $*"
  if "$@"; then
    printf '%s\tpassed\n' "$name" >> test-results/checks.tsv
  else
    printf '%s\tfailed\n' "$name" >> test-results/checks.tsv
  fi
}

bash scripts/ensure-test-tools.sh || printf 'test-tools\tfailed\n' >> test-results/checks.tsv
check lint npx eslint . --max-warnings 0
check typecheck npx tsc --noEmit
check build npm run build
echo "== jest (unit, components, browser)"
npx jest --ci --json --outputFile=test-results/jest.json
node scripts/test-summary.mjs
