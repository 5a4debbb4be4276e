// Issue 6 "Correctness is tested, not hoped for", over every real lesson in content/lessons. The checks
// themselves are proved able to fail in content-checks.test.ts; the ones that need the running server
// (curl blocks, runnable code) are in tests/http/lesson-code.test.ts.
import { staticPageRoutes } from '@/lib/content/routes';
import { PLANNED_LESSON_SLUGS, readCheckedLessons } from './support/checked-lesson';
import { checkFenceMeta, checkHttpExamples, checkInternalLinks, checkLessonStructure, checkQuizzes, checkRfcCitations, type Site } from './support/checks';
import { checkPythonCompiles, checkScriptBlocks } from './support/code-checks';
import { checkClientResults, checkNoPipeTables } from './support/markup-checks';

const lessons = readCheckedLessons();
const site: Site = { lessons, plannedSlugs: PLANNED_LESSON_SLUGS, routes: new Set(staticPageRoutes()) };

describe('content/lessons correctness', () => {
  test('there are lessons to check', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  describe.each(lessons.map((lesson) => [lesson.file, lesson] as const))('%s', (_file, lesson) => {
    test('every http block and <Exchange> message parses; a 401/407 carries its challenge', () => {
      expect(checkHttpExamples(lesson)).toEqual([]);
    });

    test('fence meta is valid and every sandbox curl block says its expect=NNN', () => {
      expect(checkFenceMeta(lesson)).toEqual([]);
    });

    test('no Markdown pipe table (the site renders no GFM)', () => {
      expect(checkNoPipeTables(lesson)).toEqual([]);
    });

    test('every <ClientResult> names a measured case and client', () => {
      expect(checkClientResults(lesson)).toEqual([]);
    });

    test('every cited RFC section exists', () => {
      expect(checkRfcCitations(lesson)).toEqual([]);
    });

    test('every internal link resolves: lessons, headings, pages, playground links, sandbox paths', async () => {
      expect(await checkInternalLinks(lesson, site)).toEqual([]);
    });

    // Issue 6 "Reading quality". Enforced on every lesson, the first included: a lesson without these fails.
    test('READING QUALITY: ## Summary, then ## Check yourself last with 2 to 4 quizzes; minutes 8 to 20', () => {
      expect(checkLessonStructure(lesson)).toEqual([]);
    });
  });

  test('every <Quiz> has exactly one correct option, an explanation per option, and an id unique site-wide', () => {
    expect(checkQuizzes(lessons)).toEqual([]);
  });

  test('every python block compiles', () => {
    expect(checkPythonCompiles(lessons)).toEqual([]);
  });

  test('every ts block type-checks and every js block parses', () => {
    expect(checkScriptBlocks(lessons)).toEqual([]);
  });
});
