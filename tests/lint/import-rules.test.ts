/** @jest-environment node */
// The lint rules that keep the layers apart (eslint.config.mjs), run as `npm run lint` runs them: a cycle
// anywhere fails, and a pure sandbox layer may not import the HTTP adapters or the server edge. The
// tree itself passing is `npm test`'s lint step; these show each rule can fail.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

type LintCase = { files: string[] } | { text: string; filePath: string; rules: Record<string, string> };

const restricted: [filePath: string, line: string, refused: boolean][] = [
  ['lib/sandbox/engine/example.ts', "import { dispatch } from '../http/dispatch';", true],
  ['lib/sandbox/routes/example.ts', "import { rateLimitGate } from '@/lib/sandbox/edge/rate-limit-gate';", true],
  ['lib/sandbox/scenario/example.ts', "import { NextResponse } from 'next/server';", true],
  ['lib/http-auth/example.ts', "import { evaluate } from '@/lib/sandbox/engine/engine';", true],
  ['lib/sandbox/edge/example.ts', "import { toNodeResponse } from '../http/node';", false],
  ['lib/sandbox/engine/example.ts', "import { problemResponse } from '../problem';", false],
  ['lib/oauth/example.ts', "import { createHash } from 'node:crypto';", true],
  ['lib/oauth/example.ts', "import { issueToken } from '@/lib/sandbox/engine/tokens';", true],
  ['lib/oauth/example.ts', "import { encodeUtf8 } from '@/lib/http-auth/bytes/text';", false],
];

const cases: LintCase[] = [
  { files: ['tests/fixtures/lint/cycle'] },
  // import/no-cycle needs the file on disk (it reads the importer's own exports), so it sits these out.
  ...restricted.map(([filePath, line]) => ({
    text: `${line}\nexport const used = [${line.match(/\{ (\w+)/)?.[1]}];\n`,
    filePath,
    rules: { 'import/no-cycle': 'off' },
  })),
];

/** Rule ids per case, per linted file: one ESLint process for all of them (tests/lint/support/lint-cases.mjs). */
function lintAll(): (string | null)[][][] {
  const run = spawnSync(process.execPath, [path.join(process.cwd(), 'tests/lint/support/lint-cases.mjs')], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.stdout === '') throw new Error(`the lint printed nothing: ${run.stderr}`);
  return JSON.parse(run.stdout) as (string | null)[][][];
}

const [cycle, ...restrictedResults] = lintAll();

test('an import cycle fails the lint, also through a dynamic import()', () => {
  expect(cycle).toHaveLength(2);
  for (const file of cycle ?? []) expect(file).toContain('import/no-cycle');
});

test.each(restricted.map((entry, index) => [...entry, index] as const))('%s: %s is refused: %s', (_filePath, _line, refused, index) => {
  expect(restrictedResults[index]?.flat().includes('no-restricted-imports')).toBe(refused);
});
