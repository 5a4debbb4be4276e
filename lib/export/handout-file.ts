// The handouts' file names, which are also their download addresses on the running site (issue 17):
// /trainers/downloads/pdf/NN-slug.pdf, NN-slug-short.pdf and NN-slug-trainer.pdf.
import { z } from 'zod';
import { loadLessons, type Lesson } from '@/lib/content/lessons';
import { HANDOUT_EDITIONS, handoutFileName, type HandoutEdition } from './handout-editions';

/** Where the running site serves the handouts it prints (app/trainers/downloads/pdf/[file]/route.ts). */
export const HANDOUT_DOWNLOAD_PATH = '/trainers/downloads/pdf';

/** A lesson as the handouts name it: its slug (the page to print), title and NN-slug file base. */
export type HandoutLesson = { slug: string; title: string; base: string };

/** One handout a file name asks for. */
export type HandoutFile = { lesson: HandoutLesson; edition: HandoutEdition; name: string };

// The shape of every handout's name: NN-slug.pdf with an optional -edition (lowercase, as lessons are named).
const handoutFileShape = z
  .string()
  .max(160)
  .regex(/^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.pdf$/);

/** A lesson as the handouts name it. */
export function handoutLesson(lesson: Lesson): HandoutLesson {
  return { slug: lesson.slug, title: lesson.frontmatter.title, base: lesson.file.replace(/\.mdx$/, '') };
}

/** Every lesson in course order, as the handouts name it. */
export function handoutLessons(): HandoutLesson[] {
  return loadLessons().map(handoutLesson);
}

/**
 * The lesson and edition `name` asks for, or undefined when it names no handout. Matched against the
 * names the lessons' handouts have, so "-short" at the end of a slug can never be mistaken for an edition.
 */
export function parseHandoutFile(name: string, lessons: readonly HandoutLesson[] = handoutLessons()): HandoutFile | undefined {
  if (!handoutFileShape.safeParse(name).success) return undefined;
  for (const lesson of lessons) {
    for (const edition of HANDOUT_EDITIONS) {
      if (handoutFileName(lesson.base, edition) === name) return { lesson, edition, name };
    }
  }
  return undefined;
}

/** The site-relative address a handout downloads from. */
export function handoutDownloadHref(base: string, edition: HandoutEdition): string {
  return `${HANDOUT_DOWNLOAD_PATH}/${handoutFileName(base, edition)}`;
}
