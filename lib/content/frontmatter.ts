import * as z from 'zod';
import { LessonContentError } from './lesson-content-error';
import type { FrontmatterSource } from './lesson-model';

// Status codes a lesson may say it covers: the authentication-related ones and their neighbours.
export const LESSON_STATUS_CODES = [200, 400, 401, 403, 404, 407, 429] as const;

/** Sandbox preset ids are kebab-case slugs; the sandbox checks that each one exists. */
const presetId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case preset id such as "basic-missing-credentials"');

export const lessonFrontmatterSchema = z
  .object({
    title: z.string().trim().min(3).max(80),
    summary: z.string().trim().min(20).max(200),
    order: z.number().int().positive(),
    minutes: z.number().int().min(1).max(120),
    objectives: z.array(z.string().trim().min(10).max(200)).min(1).max(8),
    statusCodes: z
      .array(z.union(LESSON_STATUS_CODES.map((code) => z.literal(code))))
      .min(1)
      .refine((codes) => new Set(codes).size === codes.length, 'must not repeat a status code'),
    presets: z
      .array(presetId)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a preset id'),
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

/** Formats zod issues as "file: field: problem" lines, so a failing build names both. */
function describeIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(frontmatter)';
    return `  ${field}: ${issue.message}`;
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
      if (!result.success) throw new LessonContentError(describeIssues(file, result.error));
      return result.data;
    }
    default: {
      const never: never = source;
      return never;
    }
  }
}
