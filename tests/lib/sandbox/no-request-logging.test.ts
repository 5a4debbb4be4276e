// Security review, credentials never logged (the static half; tests/http/credential-logging.test.ts
// watches a running server's output): every console.* call in the code that runs on the server or in
// the page is found with the TypeScript parser (so the console.log lines the snippet generators write
// into strings do not count), and none of them is handed a request, its fields, its body or its
// target. A new call that logs one fails here, naming the file and line.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = process.cwd();
const SOURCES = ['app', 'components', 'lib', 'server.ts', 'proxy.ts', 'next.config.mjs', 'mdx-components.tsx'];

/** Names under which request data travels in this code base (node:http, Fetch and the sandbox's own types). */
const REQUEST_DATA =
  /^(request|req|incoming|headers|rawHeaders|fields|field|fieldValue|body|form|target|url|query|search|credentials|authorization|converted|input|json|description|secret|password|token)$/i;

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|mjs|js)$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => path.join(full, name));
}

type ConsoleCall = { where: string; method: string; identifiers: string[] };

function consoleCalls(file: string): ConsoleCall[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const calls: ConsoleCall[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'console'
    ) {
      const identifiers: string[] = [];
      const collect = (part: ts.Node) => {
        // Every name the arguments read, including property names (request.headers, error.request).
        if (ts.isIdentifier(part)) identifiers.push(part.text);
        ts.forEachChild(part, collect);
      };
      node.arguments.forEach(collect);
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      calls.push({ where: `${path.relative(ROOT, file)}:${line + 1}`, method: node.expression.name.text, identifiers });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return calls;
}

const calls = SOURCES.flatMap(sourceFiles).flatMap(consoleCalls);

describe('console output never carries a request', () => {
  test('the scan finds the server’s own log lines (so an empty result cannot pass for a clean one)', () => {
    expect(calls.map((call) => call.where)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^server\.ts:\d+$/), expect.stringMatching(/^lib\/sandbox\/http\/dispatch\.ts:\d+$/)]),
    );
  });

  test('no console.* call is handed a request, its fields, body, target or credentials', () => {
    const offending = calls
      .filter((call) => call.identifiers.some((name) => REQUEST_DATA.test(name)))
      .map((call) => `${call.where} console.${call.method}(${call.identifiers.join(', ')})`);
    expect(offending).toEqual([]);
  });

  test('the rule catches a call that logs a request (checked on a sample)', () => {
    const sample = path.join(ROOT, 'tests/fixtures/security/logs-a-request.ts');
    const found = consoleCalls(sample).filter((call) => call.identifiers.some((name) => REQUEST_DATA.test(name)));
    expect(found.map((call) => call.where)).toEqual(['tests/fixtures/security/logs-a-request.ts:5', 'tests/fixtures/security/logs-a-request.ts:6']);
  });
});
