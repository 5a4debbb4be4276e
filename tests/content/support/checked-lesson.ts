// A lesson file as the content checks see it: its parsed MDX, its table of contents and its raw
// frontmatter. Works on the real lessons and on the small bad examples in tests/fixtures/content/checks.
import fs from 'node:fs';
import path from 'node:path';
import { LESSONS_DIR } from '@/lib/content/lessons';
import { splitLessonSource } from '@/lib/content/source';
import { tableOfContents, type TocEntry } from '@/lib/content/toc';
import { readLessonModel, type LessonModel } from './lesson-model';

export type CheckedLesson = {
  /** Path shown in problems, relative to the repository. */
  file: string;
  slug: string;
  frontmatter: Record<string, unknown>;
  toc: TocEntry[];
  model: LessonModel;
};

export function readCheckedLesson(filePath: string): CheckedLesson {
  const file = path.relative(process.cwd(), filePath);
  const text = fs.readFileSync(filePath, 'utf8');
  const { frontmatter, body } = splitLessonSource(file, text);
  return {
    file,
    slug: path.basename(filePath, '.mdx').replace(/^\d{2}-/, ''),
    frontmatter: frontmatter !== null && typeof frontmatter === 'object' ? (frontmatter as Record<string, unknown>) : {},
    toc: tableOfContents(body),
    model: readLessonModel(file, text),
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
] as const;
