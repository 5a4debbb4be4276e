// Parsed lessons shared between processes that read the same files (the test run: about thirty test
// files in two workers each parsed all twelve lessons, about 2 s apiece). Only when
// LAB_LESSON_CACHE_DIR names a folder (jest.config.mjs sets it); the build and the server never use it.
// A model is stored under a hash of the file, its content and the reader's own source, so an edited
// lesson or an edited reader is parsed afresh, never served stale.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

let readerVersion: string | undefined;

/** A hash of the lesson reader's source (lib/content) and the locked dependency versions (the MDX parser). */
function currentReaderVersion(): string {
  if (readerVersion) return readerVersion;
  const hash = createHash('sha256');
  const root = process.cwd();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mjs|json|yaml)$/.test(entry.name)) hash.update(full).update(fs.readFileSync(/*turbopackIgnore: true*/ full));
    }
  };
  walk(path.join(root, 'lib', 'content'));
  hash.update(fs.readFileSync(/*turbopackIgnore: true*/ path.join(root, 'package-lock.json')));
  readerVersion = hash.digest('hex');
  return readerVersion;
}

/** `read()`'s model of `file` (whose text is `source`), from the shared cache when it holds one. */
export function sharedLessonModel<T>(file: string, source: string, read: () => T): T {
  const dir = process.env.LAB_LESSON_CACHE_DIR;
  if (!dir) return read();
  const key = createHash('sha256').update(currentReaderVersion()).update('\0').update(file).update('\0').update(source).digest('hex').slice(0, 40);
  const stored = path.join(dir, `${key}.json`);
  try {
    return JSON.parse(fs.readFileSync(/*turbopackIgnore: true*/ stored, 'utf8')) as T;
  } catch {
    // Not there yet (or half-written by a process that died): parse.
  }
  const model = read();
  try {
    fs.mkdirSync(/*turbopackIgnore: true*/ dir, { recursive: true });
    // Written aside and renamed: another worker reads either nothing or the whole file.
    const aside = `${stored}.${process.pid}.tmp`;
    fs.writeFileSync(/*turbopackIgnore: true*/ aside, JSON.stringify(model));
    fs.renameSync(/*turbopackIgnore: true*/ aside, stored);
  } catch {
    // A read-only checkout: every process parses for itself, as without the cache.
  }
  return model;
}
