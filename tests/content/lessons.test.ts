// Lints the real lessons in content/lessons: what the build and the reader depend on.
import { loadLessons } from '@/lib/content/lessons';
import { staticPageRoutes } from '@/lib/content/routes';
import { CODE_LANGUAGES } from '@/lib/content/mdx/code-languages.mjs';
import { CALLOUT_KINDS } from '@/components/mdx/Callout';
import { findPreset } from '@/lib/sandbox/scenario/presets';

const lessons = loadLessons();
const routes = new Set(staticPageRoutes());

/** Every link target in a lesson body: Markdown links and JSX href attributes. */
function linkTargets(body: string): string[] {
  const markdown = [...body.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? '');
  const jsx = [...body.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
  return [...markdown, ...jsx];
}

function withoutCode(body: string): string {
  return body.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

describe('content/lessons', () => {
  test('there is at least one lesson and orders run 1..n without gaps', () => {
    expect(lessons.length).toBeGreaterThan(0);
    expect(lessons.map((lesson) => lesson.frontmatter.order)).toEqual(lessons.map((_, i) => i + 1));
  });

  test('the site knows its own static pages', () => {
    expect([...routes]).toEqual(expect.arrayContaining(['/', '/lessons', '/playground']));
  });

  describe.each(lessons.map((lesson) => [lesson.file, lesson] as const))('%s', (_file, lesson) => {
    test('heading ids are unique and the lesson has sections', () => {
      const ids = lesson.toc.map((entry) => entry.id);
      expect(ids.length).toBeGreaterThan(1);
      expect(new Set(ids).size).toBe(ids.length);
    });

    test('starts below the page title (no # heading in the body)', () => {
      expect(lesson.body).not.toMatch(/^# /m);
    });

    // Internal links, anchors, playground links and sandbox paths: lesson-correctness.test.ts.

    test('external links use https', () => {
      const insecure = linkTargets(withoutCode(lesson.body)).filter((href) => href.startsWith('http:'));
      expect(insecure).toEqual([]);
    });

    test('code fences use supported languages', () => {
      const languages = [...lesson.body.matchAll(/^```(\S*)/gm)].map((m) => m[1]).filter((lang) => lang !== '');
      const unsupported = languages.filter((lang) => !Object.hasOwn(CODE_LANGUAGES, lang ?? ''));
      expect(unsupported).toEqual([]);
    });

    test('callouts name a known kind', () => {
      const kinds = [...lesson.body.matchAll(/<Callout\b[^>]*\bkind="([^"]*)"/g)].map((m) => m[1]);
      expect(kinds.filter((kind) => !(CALLOUT_KINDS as readonly string[]).includes(kind ?? ''))).toEqual([]);
    });

    test('every sandbox preset it names exists (frontmatter and <TryIt>)', () => {
      const widgets = [...lesson.body.matchAll(/<TryIt\b[^>]*\bpreset="([^"]*)"/g)].map((m) => m[1] ?? '');
      expect([...lesson.frontmatter.presets, ...widgets].filter((id) => !findPreset(id))).toEqual([]);
    });

    test('cites the RFC sections it relies on', () => {
      expect(lesson.body).toMatch(/RFC \d{4} §\d+(\.\d+)*/);
    });
  });
});
