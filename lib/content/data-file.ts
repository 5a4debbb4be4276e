import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type * as z from 'zod';

// Content kept as data (content/rfc/*.json, content/troubleshooter.yaml): read once on the server, checked
// against a zod schema, and refused with messages an author can act on: the file, the line, the path to
// the bad value and the entry it belongs to (`causes[3] (in "utf8-vs-latin1")`), then what is wrong.

export class ContentDataError extends Error {
  override name = 'ContentDataError';
}

/** The file as the author knows it: relative to the project root when it is inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** Reads a `.json` or `.yaml` file and returns its data validated by `schema`; throws ContentDataError. */
export function readDataFile<Schema extends z.ZodType>(file: string, schema: Schema): z.output<Schema> {
  const name = displayPath(file);
  const text = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
  // The YAML parser reads JSON too (YAML 1.2), so both kinds of file get line numbers from it; a .json
  // file's data still comes from JSON.parse, which keeps it to strict JSON.
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const data = file.endsWith('.json') ? parseJson(name, text) : yamlData(name, document);
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    // An unknown key (a typo such as "notTheCuase") is reported on its parent; its line is its own.
    const at = issue.code === 'unrecognized_keys' ? [...where, ...issue.keys.slice(0, 1)] : where;
    return `${name}:${lineOf(document, lines, at)}: ${describePath(data, where)}: ${issue.message}`;
  });
  throw new ContentDataError(`${name} does not match its schema:\n  ${problems.join('\n  ')}`);
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ContentDataError(`${name}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function yamlData(name: string, document: Document): unknown {
  const [syntax] = document.errors;
  if (syntax) throw new ContentDataError(`${name}:${syntax.linePos?.[0].line ?? 1}: not valid YAML: ${reason(syntax)}`);
  return document.toJS();
}

/** The parser's sentence without the position it appends ("at line 4, column 13:") and the excerpt below. */
const reason = (error: YAMLError) => (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');

/** The line of the value at `where`, or of its nearest parent that exists (a missing key has no line). */
function lineOf(document: Document, lines: LineCounter, where: readonly (string | number)[]): number {
  for (let depth = where.length; depth >= 0; depth--) {
    const node = document.getIn(where.slice(0, depth), true);
    const offset = node && typeof node === 'object' && 'range' in node ? (node.range as [number, number, number])[0] : undefined;
    if (offset !== undefined) return lines.linePos(offset).line;
  }
  return 1;
}

/** `causes[3].citations[0].section`, followed by the entry it belongs to: its `id`, or the entry itself. */
function describePath(data: unknown, where: readonly (string | number)[]): string {
  let text = '';
  let value = data;
  let entry: string | undefined;
  for (const key of where) {
    text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${key}`;
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
    if (entry === undefined && typeof key === 'number') entry = describeEntry(value);
  }
  const place = text || '(the whole file)';
  return entry ? `${place} (in ${entry})` : place;
}

function describeEntry(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as { id?: unknown }).id;
    return typeof id === 'string' ? `"${id}"` : undefined;
  }
  if (!Array.isArray(value)) return undefined;
  const json = JSON.stringify(value);
  return json.length <= 80 ? json : undefined;
}
