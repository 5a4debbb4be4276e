import fs from 'node:fs';
import path from 'node:path';
import { LessonContentError, validateFrontmatter, type LessonFrontmatter } from './frontmatter';
import { splitLessonSource } from './source';
import { tableOfContents, type TocEntry } from './toc';

export type Lesson = {
  slug: string;
  /** File name inside the lessons folder, e.g. "01-authentication-vs-authorization.mdx". */
  file: string;
  frontmatter: LessonFrontmatter;
  toc: TocEntry[];
  body: string;
  /** The ids of its <Quiz> widgets in order, for progress ("2 of 3 quiz questions answered"). */
  quizIds: string[];
};

export const LESSONS_DIR = path.join(process.cwd(), 'content', 'lessons');

// `<Quiz id="...">` outside code fences. Its props are checked when the page renders (lib/content/widgets/quiz.ts);
// here only the id is read, by walking the tag's JSX attributes (values may hold `>`, quotes and braces).
const FENCE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm;
const QUIZ_TAG = /<Quiz(?=[\s/>])/g;

/** Index just past a quoted string starting at `i` (the quote character is `body[i]`). */
function skipString(body: string, i: number): number {
  const quote = body[i];
  let j = i + 1;
  while (j < body.length && body[j] !== quote) j += body[j] === '\\' && quote !== '"' && quote !== "'" ? 2 : 1;
  return j + 1;
}

/** Index just past a `{...}` expression starting at `i`, strings inside it skipped. */
function skipExpression(body: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < body.length) {
    const c = body[j];
    if (c === '"' || c === "'" || c === '`') {
      j = skipString(body, j);
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return j + 1;
    j++;
  }
  return j;
}

/** The value of the `id` attribute of the tag whose attributes start at `i`, if it is a string literal. */
function quizIdAt(body: string, i: number): string | undefined {
  let j = i;
  while (j < body.length) {
    while (/\s/.test(body[j] ?? '')) j++;
    if (body[j] === '>' || body.startsWith('/>', j)) return undefined;
    const name = /^[A-Za-z_][\w-]*/.exec(body.slice(j, j + 64))?.[0];
    if (!name) return undefined;
    j += name.length;
    while (/\s/.test(body[j] ?? '')) j++;
    if (body[j] !== '=') continue;
    j++;
    while (/\s/.test(body[j] ?? '')) j++;
    const start = j;
    j = body[j] === '{' ? skipExpression(body, j) : skipString(body, j);
    if (name !== 'id') continue;
    const literal = body.slice(start, j);
    const match = /^(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)\s*\})$/.exec(literal);
    return match ? match.slice(1).find((v) => v !== undefined) : undefined;
  }
  return undefined;
}

export function quizIdsIn(body: string): string[] {
  const prose = body.replace(FENCE, '');
  return [...prose.matchAll(QUIZ_TAG)].flatMap((m) => {
    const id = quizIdAt(prose, m.index + m[0].length);
    return id === undefined ? [] : [id];
  });
}

// NN-slug.mdx: the number orders the course, the slug is the URL.
const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

export function readLesson(dir: string, file: string): Lesson {
  const match = LESSON_FILE.exec(file);
  if (!match) {
    throw new LessonContentError(`Lesson file name ${file} must look like NN-slug.mdx (e.g. 01-authentication-vs-authorization.mdx)`);
  }
  const { frontmatter, body } = splitLessonSource(file, fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, file), "utf8"));
  const data = validateFrontmatter(file, frontmatter);
  if (data.order !== Number(match[1])) {
    throw new LessonContentError(`Invalid frontmatter in ${file}:\n  order: is ${data.order} but the file name says ${Number(match[1])}`);
  }
  return { slug: match[2] ?? '', file, frontmatter: data, toc: tableOfContents(body), body, quizIds: quizIdsIn(body) };
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
