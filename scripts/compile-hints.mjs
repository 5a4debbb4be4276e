// After `next build` (npm run build runs it): marks every client chunk with V8's explicit compile hint,
// the magic comment `//# allFunctionsCalledOnLoad` on the first line (https://v8.dev/blog/explicit-compile-hints).
//
// Why: without it V8 compiles each function lazily, on the main thread, the first time it runs. Loading
// React and Next's runtime that way was most of the one long task after the first paint: 55-75 ms of
// lazy compilation inside Turbopack's module loader on this machine, which Lighthouse's 4x CPU
// slowdown turns into most of the page's Total Blocking Time. With the hint, Chromium compiles the
// whole file eagerly while it streams in, on a background thread. Other engines ignore the comment.
//
// The chunks keep their names (the build's content hashes); the edit is the same on every build, so a
// cached file never differs from a fresh one. A source map next to a chunk gets one empty line in front.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** Every .js file under `dir`, recursively. */
function scripts(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return scripts(full);
    return entry.isFile() && entry.name.endsWith('.js') ? [full] : [];
  });
}

/**
 * Prepends the hint to each chunk that lacks it (running twice changes nothing) and shifts its source
 * map by the added line. Returns how many files were marked and how many already were.
 * @param {string} chunksDir
 * @returns {{ marked: number; already: number }}
 */
export function addCompileHints(chunksDir) {
  let marked = 0;
  let already = 0;
  for (const file of scripts(chunksDir)) {
    const code = fs.readFileSync(file, 'utf8');
    if (code.startsWith(`${COMPILE_HINT}\n`)) {
      already++;
      continue;
    }
    fs.writeFileSync(file, `${COMPILE_HINT}\n${code}`);
    marked++;
    const map = `${file}.map`;
    if (fs.existsSync(map)) {
      const json = JSON.parse(fs.readFileSync(map, 'utf8'));
      // Source map v3: ";" in `mappings` ends a generated line, so one in front maps nothing on line 1.
      if (typeof json.mappings === 'string') json.mappings = `;${json.mappings}`;
      else if (Array.isArray(json.sections)) for (const section of json.sections) section.offset.line += 1;
      fs.writeFileSync(map, JSON.stringify(json));
    }
  }
  return { marked, already };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const chunks = path.join(root, '.next', 'static', 'chunks');
  if (!fs.existsSync(chunks)) {
    console.error(`compile-hints: ${chunks} does not exist; run next build first.`);
    process.exit(1);
  }
  const { marked, already } = addCompileHints(chunks);
  console.log(`compile-hints: ${marked} client chunks marked for eager compilation${already ? ` (${already} already were)` : ''}.`);
}
