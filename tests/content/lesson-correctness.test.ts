// Issue 6 "Correctness is tested, not hoped for", over every real lesson in content/lessons. The checks
// themselves are proved able to fail in content-checks.test.ts; the ones that need the running server
// (curl blocks, runnable code) are in tests/browser/lesson-code.test.ts.
import { loadLessons } from '@/lib/content/lessons';
import { staticPageRoutes } from '@/lib/content/routes';
import { PLANNED_LESSON_SLUGS, readCheckedLessons } from './support/checked-lesson';
import { checkFenceMeta, checkHttpExamples, checkInternalLinks, checkLessonStructure, checkQuizzes, checkRfcCitations, type Site } from './support/checks';
import { checkPythonCompiles, checkScriptBlocks } from './support/code-checks';
import { checkCallouts, checkCitesRfc, checkExternalLinks, checkFenceLanguages, checkNoTitleHeading, checkPresets, checkSections } from './support/markup-checks';

const lessons = readCheckedLessons();
const site: Site = { lessons, plannedSlugs: PLANNED_LESSON_SLUGS, routes: new Set(staticPageRoutes()) };

describe('content/lessons correctness', () => {
  test('there are lessons to check', () => {
    expect(lessons.length).toBeGreaterThan(0);
  });

  // loadLessons validates every frontmatter (lib/content/frontmatter.ts) as the build does.
  test('the course index loads and its orders run 1..n without gaps', () => {
    const course = loadLessons();
    expect(course.map((lesson) => lesson.file)).toEqual(lessons.map((lesson) => lesson.file.split('/').at(-1)));
    expect(course.map((lesson) => lesson.frontmatter.order)).toEqual(course.map((_, i) => i + 1));
  });

  test('the site knows its own static pages', () => {
    expect([...site.routes]).toEqual(expect.arrayContaining(['/', '/lessons', '/playground']));
  });

  describe.each(lessons.map((lesson) => [lesson.file, lesson] as const))('%s', (_file, lesson) => {
    test('every http block and <Exchange> message parses; a 401/407 carries its challenge', () => {
      expect(checkHttpExamples(lesson)).toEqual([]);
    });

    test('fence meta is valid and every sandbox curl block says its expect=NNN', () => {
      expect(checkFenceMeta(lesson)).toEqual([]);
    });

    test('every cited RFC section exists', () => {
      expect(checkRfcCitations(lesson)).toEqual([]);
    });

    test('every internal link resolves: lessons, headings, pages, playground links, sandbox paths', async () => {
      expect(await checkInternalLinks(lesson, site)).toEqual([]);
    });

    test('heading ids are unique and embeddable, and the lesson has sections', () => {
      expect(checkSections(lesson)).toEqual([]);
    });

    test('starts below the page title (no # heading in the body)', () => {
      expect(checkNoTitleHeading(lesson)).toEqual([]);
    });

    test('external links use https', () => {
      expect(checkExternalLinks(lesson)).toEqual([]);
    });

    test('code fences use supported languages', () => {
      expect(checkFenceLanguages(lesson)).toEqual([]);
    });

    test('callouts name a known kind', () => {
      expect(checkCallouts(lesson)).toEqual([]);
    });

    test('every sandbox preset it names exists (frontmatter and <TryIt>)', () => {
      expect(checkPresets(lesson)).toEqual([]);
    });

    test('cites the RFC sections it relies on', () => {
      expect(checkCitesRfc(lesson)).toEqual([]);
    });

    // Issue 6 "Reading quality". Enforced on every lesson, the first included: a lesson without these fails.
    // Minutes 8 to 20 is a frontmatter rule (lib/content/frontmatter.ts), checked when the index loads.
    test('READING QUALITY: ## Summary, then ## Check yourself last with 2 to 4 quizzes', () => {
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
