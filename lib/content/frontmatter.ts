// Every rule a lesson's frontmatter follows, in one zod schema. A lesson that breaks one fails the
// build (loadLessons runs while the pages are prerendered) with the file, each field, its line and
// what is wrong.
import { parseDocument } from 'yaml';
import * as z from 'zod';
import { LessonContentError } from './lesson-content-error';
import type { FrontmatterSource } from './lesson-model';
import { findPreset } from '@/lib/sandbox/scenario/presets';

// Status codes a lesson may say it covers: the authentication-related ones and their neighbours.
export const LESSON_STATUS_CODES = [200, 400, 401, 403, 404, 407, 429] as const;

// Issue 6 "Reading quality": a lesson is one sitting.
export const LESSON_MINUTES = { min: 8, max: 20 } as const;

const minutes = z
  .number()
  .int()
  .min(LESSON_MINUTES.min, { error: (issue) => `must be ${LESSON_MINUTES.min} to ${LESSON_MINUTES.max} (a lesson is one sitting), is ${String(issue.input)}` })
  .max(LESSON_MINUTES.max, { error: (issue) => `must be ${LESSON_MINUTES.min} to ${LESSON_MINUTES.max} (a lesson is one sitting; split a longer one), is ${String(issue.input)}` });

/** A sandbox preset the lesson's side panel shows: a kebab-case id that lib/sandbox/scenario/presets knows. */
const presetId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a kebab-case preset id such as "basic-missing-credentials"', abort: true })
  .refine((id) => findPreset(id) !== undefined, { error: (issue) => `names no sandbox preset: there is no ${JSON.stringify(issue.input)} in lib/sandbox/scenario/presets` });

// Issue 16, "Make the first minutes good": a lesson opens with its picture and three short lines. At
// 1366 px the header is 48rem wide, about 90 characters of body text, so each line stays one line.
export const IN_SHORT_LINE_MAX = 90;

const shownLength = (line: string) => line.trim().replaceAll('`', '').length;

/** One of the three opening lines: a whole sentence, short enough for one line of the header. */
const inShortLine = z
  .string()
  .trim()
  .min(20, { error: 'is too short for a sentence (at least 20 characters)' })
  // Counted as shown: `backticks` (inline code) are not printed.
  .refine((line) => shownLength(line) <= IN_SHORT_LINE_MAX, {
    error: (issue) => `is ${shownLength(String(issue.input))} characters; keep it to ${IN_SHORT_LINE_MAX} so it fits one line`,
  })
  .regex(/^[A-Z0-9`"'“]/, { error: 'must start like a sentence (a capital letter, a digit or a quoted name)' })
  .regex(/[.?!]$/, { error: 'must end like a sentence (with ".", "?" or "!")' });

export const lessonFrontmatterSchema = z
  .object({
    title: z.string().trim().min(3).max(80),
    /** The meta description and the lesson list's line; the lesson page itself opens with `inShort`. */
    summary: z.string().trim().min(20).max(200),
    /** Exactly three sentences under the title: what the reader will know after the lesson. */
    inShort: z.array(inShortLine).length(3, { error: 'must be exactly three lines' }),
    /** The sandbox preset whose conversation opens the lesson as a sequence diagram, drawn at build time. */
    picture: presetId,
    order: z.number().int().positive(),
    minutes,
    objectives: z.array(z.string().trim().min(10).max(200)).min(1).max(8),
    statusCodes: z
      .array(z.union(LESSON_STATUS_CODES.map((code) => z.literal(code))))
      .min(1)
      .refine((codes) => new Set(codes).size === codes.length, 'must not repeat a status code'),
    presets: z.array(presetId).refine((ids) => new Set(ids).size === ids.length, 'must not repeat a preset id'),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

/** The schema for one file: its NN- prefix orders the course, so `order` must say the same number. */
function schemaFor(fileOrder: number | undefined) {
  if (fileOrder === undefined) return lessonFrontmatterSchema;
  return lessonFrontmatterSchema.refine((data) => data.order === fileOrder, {
    path: ['order'],
    error: (issue) => `is ${String((issue.input as { order?: unknown }).order)} but the file name says ${fileOrder}`,
  });
}

/** The line of a field in the file, found from the YAML block the frontmatter came from. */
function lineFinder(source: Extract<FrontmatterSource, { kind: 'yaml' }>): (path: readonly PropertyKey[]) => number | undefined {
  const document = parseDocument(source.yaml, { keepSourceTokens: false });
  return (path) => {
    const node = document.getIn(path as unknown[], true) as { range?: [number, number, number] } | undefined;
    const offset = node?.range?.[0];
    // The YAML block starts on the line after the opening ---.
    return offset === undefined ? undefined : source.line + 1 + (source.yaml.slice(0, offset).match(/\n/g)?.length ?? 0);
  };
}

/** Formats zod issues as "  field: problem (line N)" under a line naming the file, so a failing build names all three. */
function describeIssues(file: string, error: z.ZodError, lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined): string {
  const fields = Object.keys(lessonFrontmatterSchema.shape).join(', ');
  const lines = error.issues.flatMap((issue) => {
    const problems =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: [...issue.path, key], message: `is not a frontmatter field (the fields are ${fields})` }))
        : [{ path: issue.path, message: issue.message }];
    return problems.map(({ path, message }) => {
      const line = lineOf(path);
      return `  ${path.length > 0 ? path.join('.') : '(frontmatter)'}: ${message}${line === undefined ? '' : ` (line ${line})`}`;
    });
  });
  return `Invalid frontmatter in ${file}:\n${lines.join('\n')}`;
}

/**
 * A lesson's frontmatter, validated; `fileOrder` is the number its file name starts with. Throws a
 * LessonContentError naming the file and every problem.
 */
export function validateFrontmatter(file: string, source: FrontmatterSource, fileOrder?: number): LessonFrontmatter {
  switch (source.kind) {
    case 'missing':
      throw new LessonContentError(`Invalid frontmatter in ${file}: the file must start with a --- YAML block ---`);
    case 'invalid-yaml':
      throw new LessonContentError(`Invalid frontmatter in ${file}: YAML does not parse: ${source.message}`);
    case 'yaml': {
      const result = schemaFor(fileOrder).safeParse(source.data);
      if (!result.success) throw new LessonContentError(describeIssues(file, result.error, lineFinder(source)));
      return result.data;
    }
    default: {
      const never: never = source;
      return never;
    }
  }
}
