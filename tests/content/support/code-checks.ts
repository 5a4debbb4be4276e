// Code fences that must at least be valid code: python compiles, ts type-checks (lib dom + es2022, no
// Node types: the examples are for any fetch-capable runtime), js parses. Batched: one python process and
// one TypeScript program for all blocks, so checking every lesson stays cheap.
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import type { CheckedLesson } from './checked-lesson';
import type { Fence } from './lesson-model';

type Block = { where: string; fence: Fence };

function blocks(lessons: CheckedLesson[], lang: string): Block[] {
  return lessons.flatMap((lesson) =>
    lesson.model.fences.filter((fence) => fence.lang === lang).map((fence) => ({ where: `${lesson.file}:${fence.line}`, fence })),
  );
}

// compile() is what py_compile runs; reading the sources as JSON from stdin needs no temporary files.
const PYTHON_COMPILE = `
import json, sys
for index, source in enumerate(json.load(sys.stdin)):
    try:
        compile(source, f"block{index}.py", "exec")
    except SyntaxError as error:
        print(json.dumps([index, error.lineno or 0, error.msg]))
`;

/** Every ```python block compiles with python3. */
export function checkPythonCompiles(lessons: CheckedLesson[]): string[] {
  const python = blocks(lessons, 'python');
  if (python.length === 0) return [];
  const output = execFileSync('python3', ['-c', PYTHON_COMPILE], { input: JSON.stringify(python.map((b) => b.fence.code)), encoding: 'utf8' });
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [index, lineno, message] = JSON.parse(line) as [number, number, string];
      const block = python[index];
      return `${block?.where ?? '?'}: python does not compile (block line ${lineno}): ${message}`;
    });
}

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  // Every block is its own module, so top-level await works and names do not clash between blocks.
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
  allowJs: true,
  checkJs: false,
  skipLibCheck: true,
};

/** ```ts blocks type-check and ```js blocks parse, as one in-memory TypeScript program. */
export function checkScriptBlocks(lessons: CheckedLesson[]): string[] {
  const files = new Map<string, Block>();
  blocks(lessons, 'ts').forEach((block, i) => files.set(`/lesson-blocks/block${i}.ts`, block));
  blocks(lessons, 'js').forEach((block, i) => files.set(`/lesson-blocks/block${i}.js`, block));
  if (files.size === 0) return [];
  const host = ts.createCompilerHost(OPTIONS);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) => {
    const block = files.get(name);
    return block ? ts.createSourceFile(name, block.fence.code, language) : getSourceFile(name, language, ...rest);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], OPTIONS, host);
  const problems: string[] = program.getGlobalDiagnostics().map((d) => `TypeScript: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  for (const [name, block] of files) {
    const source = program.getSourceFile(name);
    if (!source) continue;
    const isTs = name.endsWith('.ts');
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...(isTs ? program.getSemanticDiagnostics(source) : [])];
    for (const d of diagnostics) {
      const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line + 1;
      const verb = isTs ? 'does not type-check' : 'does not parse';
      problems.push(`${block.where}: ${block.fence.lang} ${verb} (block line ${line}): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
  }
  return problems;
}
