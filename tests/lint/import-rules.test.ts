/** @jest-environment node */
// The lint rules that keep the layers apart (eslint.config.mjs), run as `npm run lint` runs them: a cycle
// anywhere fails, and a pure sandbox layer may not import the HTTP adapters or the server edge. The
// tree itself passing is `npm test`'s lint step; these show each rule can fail.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

type LintMessage = { ruleId: string | null; message: string };
type LintResult = { filePath: string; messages: LintMessage[] };

const eslint = path.join(process.cwd(), 'node_modules/eslint/bin/eslint.js');

function lint(args: string[], stdin?: string): LintResult[] {
  // --no-ignore: the fixtures are kept out of the tree's own lint run.
  const run = spawnSync(process.execPath, [eslint, '--no-ignore', '--format', 'json', ...args], {
    cwd: process.cwd(),
    input: stdin,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.stdout === '') throw new Error(`eslint printed nothing: ${run.stderr}`);
  return JSON.parse(run.stdout) as LintResult[];
}

const rules = (results: LintResult[]) => results.flatMap((result) => result.messages.map((message) => message.ruleId));

test('an import cycle fails the lint, also through a dynamic import()', () => {
  const results = lint(['tests/fixtures/lint/cycle']);
  expect(results).toHaveLength(2);
  for (const result of results) expect(rules([result])).toContain('import/no-cycle');
});

test.each([
  ['lib/sandbox/engine/example.ts', "import { dispatch } from '../http/dispatch';", true],
  ['lib/sandbox/routes/example.ts', "import { rateLimitGate } from '@/lib/sandbox/edge/rate-limit-gate';", true],
  ['lib/sandbox/scenario/example.ts', "import { NextResponse } from 'next/server';", true],
  ['lib/http-auth/example.ts', "import { evaluate } from '@/lib/sandbox/engine/engine';", true],
  ['lib/sandbox/edge/example.ts', "import { toNodeResponse } from '../http/node';", false],
  ['lib/sandbox/engine/example.ts', "import { problemResponse } from '../problem';", false],
])('%s: %s is refused: %s', (filePath, line, refused) => {
  // import/no-cycle needs the file on disk (it reads the importer's own exports), so it sits this one out.
  const results = lint(
    ['--stdin', '--stdin-filename', filePath, '--rule', 'import/no-cycle: off'],
    `${line}\nexport const used = [${line.match(/\{ (\w+)/)?.[1]}];\n`,
  );
  expect(rules(results).includes('no-restricted-imports')).toBe(refused);
});
