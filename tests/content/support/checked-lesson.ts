// A lesson file as the content checks see it: the lesson reader's model of it (lib/content/lesson-model.ts,
// the same reading the site is built from) and the names problems are reported under. Works on the real
// lessons and on the small bad examples in tests/fixtures/content/checks.
import fs from 'node:fs';
import path from 'node:path';
import { LESSONS_DIR } from '@/lib/content/lessons';
import { readLessonFile, type LessonModel } from '@/lib/content/lesson-model';

export type CheckedLesson = {
  /** Path shown in problems, relative to the repository. */
  file: string;
  slug: string;
  model: LessonModel;
};

export function readCheckedLesson(filePath: string): CheckedLesson {
  return {
    file: path.relative(process.cwd(), filePath),
    slug: path.basename(filePath, '.mdx').replace(/^\d{2}-/, ''),
    model: readLessonFile(filePath),
  };
}

export function readCheckedLessons(dir: string = LESSONS_DIR): CheckedLesson[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => readCheckedLesson(path.join(dir, name)));
}

/** The course plan (notes/lesson-kit.md): lessons written on other branches may be linked by slug before they land. */
export const PLANNED_LESSON_SLUGS = [
  'authentication-vs-authorization',
  'anatomy-of-a-401',
  'basic-authentication',
  'bearer-tokens',
  'digest-authentication',
  'forbidden-403',
  'proxies-and-407',
  'several-challenges',
  'browsers-and-401',
  'troubleshooting-401',
  'handling-401-403-in-code',
  'securing-authentication',
  'where-do-i-get-a-token',
  'authorization-code-pkce-and-mcp',
  'step-up-authentication',
  'dpop-bound-tokens',
] as const;
