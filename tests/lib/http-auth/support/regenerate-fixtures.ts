// Rewrites golden `.json` files from the current parser: `npx tsx tests/lib/http-auth/support/regenerate-fixtures.ts [name ...]`.
// Review every changed file with `git diff` before committing: a golden file is only as good as that review.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_DIR, loadFixtures, runFixture } from './fixtures';

const only = process.argv.slice(2);
for (const f of loadFixtures()) {
  if (only.length > 0 && !only.includes(f.name)) continue;
  writeFileSync(join(FIXTURE_DIR, `${f.name}.json`), `${JSON.stringify(runFixture(f), null, 2)}\n`);
}
