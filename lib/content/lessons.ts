// The lesson index: every lesson of content/lessons in course order, each read once by the lesson
// reader (lesson-model.ts). The pages, the sitemap, oEmbed and the exports all list lessons from here.
import fs from 'node:fs';
import path from 'node:path';
import { validateFrontmatter, type LessonFrontmatter } from './frontmatter';
import type { TocEntry } from './headings';
import { foldedHeadingProblems } from './folded-headings';
import { LessonContentError } from './lesson-content-error';
import { readLessonFile, shownPath } from './lesson-model';
import { pictureShownTwiceProblems } from './picture-once';

export type Lesson = {
  slug: string;
  /** File name inside the lessons folder, e.g. "01-authentication-vs-authorization.mdx". */
  file: string;
  frontmatter: LessonFrontmatter;
  toc: TocEntry[];
  /** The ids of its <Quiz> widgets in order, for progress ("2 of 3 quiz questions answered"). */
  quizIds: string[];
};

export const LESSONS_DIR = path.join(process.cwd(), 'content', 'lessons');

// NN-slug.mdx: the number orders the course, the slug is the URL.
const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

function readLesson(dir: string, file: string): Lesson {
  const match = LESSON_FILE.exec(file);
  if (!match) {
    throw new LessonContentError(`Lesson file name ${file} must look like NN-slug.mdx (e.g. 01-authentication-vs-authorization.mdx)`);
  }
  const filePath = path.join(dir, file);
  const model = readLessonFile(filePath);
  const frontmatter = validateFrontmatter(shownPath(filePath), model.frontmatter, Number(match[1]));
  const folded = [
    ...foldedHeadingProblems(shownPath(filePath), model.foldedHeadings),
    ...pictureShownTwiceProblems(shownPath(filePath), frontmatter.picture, model.widgets),
  ];
  if (folded.length > 0) throw new LessonContentError(folded.join('\n'));
  return { slug: match[2] ?? '', file, frontmatter, toc: model.toc, quizIds: model.quizIds };
}

const cache = new Map<string, Lesson[]>();

/** Every lesson in course order. Throws (and so fails the build) on any invalid lesson. */
export function loadLessons(dir: string = LESSONS_DIR): Lesson[] {
  const cached = cache.get(dir);
  if (cached) return cached;
  const files = fs.readdirSync(/*turbopackIgnore: true*/ dir).filter((name) => name.endsWith('.mdx')).sort();
  const lessons = files.map((file) => readLesson(dir, file)).sort((a, b) => a.frontmatter.order - b.frontmatter.order);
  for (let i = 1; i < lessons.length; i++) {
    const [previous, current] = [lessons[i - 1], lessons[i]];
    if (previous && current && previous.frontmatter.order === current.frontmatter.order) {
      throw new LessonContentError(`${previous.file} and ${current.file} both have order ${current.frontmatter.order}`);
    }
    if (previous && current && previous.slug === current.slug) {
      throw new LessonContentError(`${previous.file} and ${current.file} both have the slug ${current.slug}`);
    }
  }
  // Progress is stored by quiz id, so one id in two places would mark both answered.
  const quizzes = new Map<string, string>();
  for (const lesson of lessons) {
    for (const id of lesson.quizIds) {
      const other = quizzes.get(id);
      if (other) throw new LessonContentError(`<Quiz id="${id}"> appears in ${other} and again in ${lesson.file}; quiz ids must be unique site-wide`);
      quizzes.set(id, lesson.file);
    }
  }
  cache.set(dir, lessons);
  return lessons;
}

export function findLesson(slug: string, dir?: string): Lesson | undefined {
  return loadLessons(dir).find((lesson) => lesson.slug === slug);
}

/** The lessons before and after `slug` in course order, for previous/next links. */
export function lessonNeighbours(slug: string, dir?: string): { previous?: Lesson; next?: Lesson } {
  const lessons = loadLessons(dir);
  const index = lessons.findIndex((lesson) => lesson.slug === slug);
  if (index === -1) return {};
  return { previous: lessons[index - 1], next: lessons[index + 1] };
}
