/** @jest-environment node */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addCompileHints, COMPILE_HINT } from '../../scripts/compile-hints.mjs';

// scripts/compile-hints.mjs on a made-up .next/static/chunks: what the build step does to each file.
function chunksDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-hints-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

test('puts the hint on the first line of every .js chunk, nested ones too, and leaves other files alone', () => {
  const dir = chunksDir({ 'a.js': 'console.log(1);', 'pages/b.js': '"use strict";', 'c.css': 'body{}', 'd.json': '{}' });
  expect(addCompileHints(dir)).toEqual({ marked: 2, already: 0 });
  expect(read(dir, 'a.js')).toBe(`${COMPILE_HINT}\nconsole.log(1);`);
  expect(read(dir, 'pages/b.js')).toBe(`${COMPILE_HINT}\n"use strict";`);
  expect([read(dir, 'c.css'), read(dir, 'd.json')]).toEqual(['body{}', '{}']);
});

test('running it again changes nothing', () => {
  const dir = chunksDir({ 'a.js': 'x()' });
  addCompileHints(dir);
  expect(addCompileHints(dir)).toEqual({ marked: 0, already: 1 });
  expect(read(dir, 'a.js')).toBe(`${COMPILE_HINT}\nx()`);
});

test('a source map beside a chunk is shifted down by the added line (plain and index maps)', () => {
  const dir = chunksDir({
    'a.js': 'f()',
    'a.js.map': JSON.stringify({ version: 3, sources: ['a.ts'], names: [], mappings: 'AAAA' }),
    'b.js': 'g()',
    'b.js.map': JSON.stringify({
      version: 3,
      sections: [{ offset: { line: 0, column: 0 }, map: { version: 3, sources: ['b.ts'], names: [], mappings: 'AAAA' } }],
    }),
  });
  addCompileHints(dir);
  expect(JSON.parse(read(dir, 'a.js.map'))).toMatchObject({ mappings: ';AAAA' });
  expect(JSON.parse(read(dir, 'b.js.map')).sections[0].offset).toEqual({ line: 1, column: 0 });
});
