// Each content check fails on a small bad example (tests/fixtures/content/checks) and passes on a good one,
// so the checks run over the real lessons in lesson-correctness.test.ts are known to be able to fail.
import path from 'node:path';
import { assertLessonClientResults } from '@/lib/compat/lesson-cells';
import { staticPageRoutes } from '@/lib/content/routes';
import { PLANNED_LESSON_SLUGS, readCheckedLesson, readCheckedLessons } from './support/checked-lesson';
import { checkFenceMeta, checkHttpExamples, checkInternalLinks, checkLessonStructure, checkQuizzes, checkRfcCitations, type Site } from './support/checks';
import { checkPythonCompiles, checkScriptBlocks } from './support/code-checks';
import {
  checkCallouts,
  checkCitesRfc,
  checkClientResults,
  checkExternalLinks,
  checkFenceLanguages,
  checkNoPipeTables,
  checkNoTitleHeading,
  checkPresets,
  checkSections,
} from './support/markup-checks';

const fixture = (name: string) => readCheckedLesson(path.join(process.cwd(), 'tests/fixtures/content/checks', name));
const site: Site = { lessons: readCheckedLessons(), plannedSlugs: PLANNED_LESSON_SLUGS, routes: new Set(staticPageRoutes()) };
const file = 'tests/fixtures/content/checks';

describe('a lesson that follows every rule', () => {
  const good = fixture('01-good.mdx');
  test.each([
    ['http examples', () => checkHttpExamples(good)],
    ['fence meta', () => checkFenceMeta(good)],
    ['RFC citations', () => checkRfcCitations(good)],
    ['quizzes', () => checkQuizzes([good])],
    ['structure', () => checkLessonStructure(good)],
    ['python', () => checkPythonCompiles([good])],
    ['ts and js', () => checkScriptBlocks([good])],
    ['title heading', () => checkNoTitleHeading(good)],
    ['sections', () => checkSections(good)],
    ['external links', () => checkExternalLinks(good)],
    ['fence languages', () => checkFenceLanguages(good)],
    ['callouts', () => checkCallouts(good)],
    ['presets', () => checkPresets(good)],
    ['cites an RFC', () => checkCitesRfc(good)],
    ['pipe tables', () => checkNoPipeTables(good)],
    ['client results', () => checkClientResults(good)],
  ])('passes the %s check', (_name, check) => {
    expect(check()).toEqual([]);
  });

  test('passes the internal link check', async () => {
    expect(await checkInternalLinks(good, site)).toEqual([]);
  });
});

describe('each check fails on a bad example', () => {
  test('http: unparsable messages, a 401/407 without its challenge, a missing Host, non-literal <Exchange> props', () => {
    expect(checkHttpExamples(fixture('02-bad-http.mdx'))).toEqual([
      `${file}/02-bad-http.mdx:7: a 401 response must carry WWW-Authenticate (RFC 9110 §15.5.2)`,
      `${file}/02-bad-http.mdx:12: a 407 response must carry Proxy-Authenticate (RFC 9110 §15.5.8)`,
      `${file}/02-bad-http.mdx:17: an HTTP/1.1 request must carry exactly one Host field (RFC 9112 §3.2)`,
      expect.stringMatching(/^.*02-bad-http\.mdx:18: Authorization does not parse: /),
      expect.stringMatching(/^.*02-bad-http\.mdx:23: WWW-Authenticate does not parse: /),
      `${file}/02-bad-http.mdx:27: expected a request line (GET /path HTTP/1.1) or a status line (HTTP/1.1 401 Unauthorized), found "this is not HTTP"`,
      expect.stringMatching(/^.*02-bad-http\.mdx:32: This line is neither a field line/),
      `${file}/02-bad-http.mdx:35: <Exchange> message 1, line 1: a 401 response must carry WWW-Authenticate (RFC 9110 §15.5.2)`,
      expect.stringMatching(/^.*02-bad-http\.mdx:38: <Exchange> messages: the value is a template literal with \$\{\.\.\.\} expressions/),
      expect.stringMatching(/^.*02-bad-http\.mdx:41: <Exchange> messages: the value is a Identifier, not a literal/),
    ]);
  });

  test('fence meta: a sandbox curl without expect, expect with nothing to check, another origin (also before a well-known suffix), unknown or misplaced meta', () => {
    expect(checkFenceMeta(fixture('03-bad-fence-meta.mdx'))).toEqual([
      `${file}/03-bad-fence-meta.mdx:6: a shell block that calls the sandbox with curl needs expect=NNN: the final status it prints`,
      `${file}/03-bad-fence-meta.mdx:10: expect=200 on a shell block that does not call the sandbox with curl: nothing would check it`,
      expect.stringMatching(/03-bad-fence-meta\.mdx:14: write sandbox URLs as http:\/\/localhost:3000\/api\/sandbox\/\.\.\./),
      expect.stringMatching(/03-bad-fence-meta\.mdx:18: Unsupported code fence meta "highlight=\{1\}"/),
      expect.stringMatching(/03-bad-fence-meta\.mdx:22: Code fence meta "expect=401" is only allowed on shell blocks, not http/),
      // Line 26's well-known URL on the lab's origin passes (RFC 9728 §3.1); the same path elsewhere does not.
      expect.stringMatching(/03-bad-fence-meta\.mdx:30: write sandbox URLs as .*"https:\/\/lab\.example\/\.well-known\/oauth-protected-resource\/api\/sandbox\/"/),
    ]);
  });

  test('code: python that does not compile, ts that does not type-check, js that does not parse', () => {
    const bad = fixture('04-bad-code.mdx');
    expect(checkPythonCompiles([bad])).toEqual([expect.stringMatching(/04-bad-code\.mdx:6: python does not compile \(block line 1\)/)]);
    expect(checkScriptBlocks([bad])).toEqual([
      expect.stringMatching(/04-bad-code\.mdx:11: ts does not type-check \(block line 1\): Type 'string' is not assignable to type 'number'/),
      `${file}/04-bad-code.mdx:15: js does not parse (block line 1): Variable declaration expected.`,
      expect.stringMatching(/04-bad-code\.mdx:15: js does not parse \(block line 1\)/),
    ]);
  });

  test('RFC citations: missing sections, unknown RFCs, other sites, text and target that disagree', () => {
    expect(checkRfcCitations(fixture('05-bad-rfc.mdx'))).toEqual([
      `${file}/05-bad-rfc.mdx:6: https://www.rfc-editor.org/rfc/rfc9110#section-99.1: RFC 9110 has no section 99.1`,
      expect.stringMatching(/05-bad-rfc\.mdx:7: .*RFC 1234 is cited but content\/rfc\/rfc1234\.json, the table of its sections, does not exist/),
      expect.stringMatching(/05-bad-rfc\.mdx:8: cite RFCs as https:\/\/www\.rfc-editor\.org/),
      `${file}/05-bad-rfc.mdx:9: the link text says RFC 9110 §11.4 but the link goes to RFC 9110 §11.5`,
      expect.stringMatching(/05-bad-rfc\.mdx:10: .*#page-3: the fragment must be #section-X\.Y/),
      `${file}/05-bad-rfc.mdx:12: "RFC 7617 §9": RFC 7617 has no section 9`,
      `${file}/05-bad-rfc.mdx:12: "RFC 9110 §11.4 and §11.99": RFC 9110 has no section 11.99`,
      `${file}/05-bad-rfc.mdx:14: "RFC 6750 §3.9": RFC 6750 has no section 3.9`,
    ]);
  });

  test('links: missing lessons, headings, pages, sandbox endpoints and bad playground links', async () => {
    expect(await checkInternalLinks(fixture('06-bad-links.mdx'), site)).toEqual([
      `${file}/06-bad-links.mdx:8: /lessons/no-such-lesson: no such lesson`,
      `${file}/06-bad-links.mdx:9: /lessons/authentication-vs-authorization#no-such-heading: lesson authentication-vs-authorization has no heading with id "no-such-heading"`,
      expect.stringMatching(/06-bad-links\.mdx:10: \/lessons\/securing-authentication#tls: (that lesson is not written yet|lesson securing-authentication has no heading)/),
      `${file}/06-bad-links.mdx:11: #nowhere: no heading with id "nowhere" in this lesson`,
      expect.stringMatching(/06-bad-links\.mdx:12: \/playground\?v=1&p=no-such-preset: the playground would say: There is no preset "no-such-preset"/),
      expect.stringMatching(/06-bad-links\.mdx:13: .*Unknown parameter "zzz" was ignored/),
      expect.stringMatching(/06-bad-links\.mdx:14: \/api\/sandbox\/nothing-here: No sandbox endpoint at \/api\/sandbox\/nothing-here/),
      expect.stringMatching(/06-bad-links\.mdx:15: \/api\/sandbox\/presets\/no-such-preset: There is no preset "no-such-preset"/),
      expect.stringMatching(/06-bad-links\.mdx:16: \/api\/sandbox\/basic\?status=500: /),
      `${file}/06-bad-links.mdx:17: /no-such-page: no page at this path`,
    ]);
  });

  test('quizzes: not exactly one correct option, a missing explanation, a reused id, non-literal options, a bad id', () => {
    expect(checkQuizzes([fixture('07-bad-quiz.mdx')])).toEqual([
      `${file}/07-bad-quiz.mdx:6: <Quiz> must have exactly one correct option, has 2`,
      `${file}/07-bad-quiz.mdx:11: <Quiz> must have exactly one correct option, has 0`,
      `${file}/07-bad-quiz.mdx:16: <Quiz> option 2 ("b") needs an explain`,
      `${file}/07-bad-quiz.mdx:21: <Quiz> id "two-correct" is already used at ${file}/07-bad-quiz.mdx:6`,
      expect.stringMatching(/07-bad-quiz\.mdx:26: <Quiz> options: the value is a Identifier, not a literal/),
      `${file}/07-bad-quiz.mdx:28: <Quiz> id must be a kebab-case string, got "Not Kebab"`,
    ]);
  });

  test('quiz ids are unique across lessons, not only within one', () => {
    const good = fixture('01-good.mdx');
    expect(checkQuizzes([good, good])).toEqual([
      `${file}/01-good.mdx:70: <Quiz> id "good-one" is already used at ${file}/01-good.mdx:70`,
      `${file}/01-good.mdx:79: <Quiz> id "good-two" is already used at ${file}/01-good.mdx:79`,
    ]);
  });

  // Minutes out of range (8 to 20) is a frontmatter rule now: tests/lib/content/frontmatter.test.ts.
  test('structure: no Summary, Check yourself not last and with one quiz', () => {
    expect(checkLessonStructure(fixture('08-bad-structure.mdx'))).toEqual([
      `${file}/08-bad-structure.mdx:1: the lesson needs a "## Summary" section`,
      `${file}/08-bad-structure.mdx:6: "## Check yourself" must be the last ## section`,
      `${file}/08-bad-structure.mdx:6: "## Check yourself" needs 2 to 4 <Quiz> items, has 1`,
    ]);
  });

  describe('markup, read from the syntax tree', () => {
    const bad = fixture('10-bad-markup.mdx');

    test('headings: a # title in the body', () => {
      expect(checkNoTitleHeading(bad)).toEqual([`${file}/10-bad-markup.mdx:7: "# A second title": the page title comes from the frontmatter, so the body starts at ##`]);
    });

    test('sections: only one, and a ## id an embed cannot name', () => {
      expect(checkSections(bad)).toEqual([
        `${file}/10-bad-markup.mdx:1: the lesson needs at least two ## or ### sections for its table of contents, has 1`,
        `${file}/10-bad-markup.mdx:11: "## ???" gets the id "", which an embed's ?section= cannot name: give it words`,
      ]);
    });

    test('external links: http in a Markdown link and in a JSX href', () => {
      expect(checkExternalLinks(bad)).toEqual([
        `${file}/10-bad-markup.mdx:9: http://example.com/: link over https`,
        `${file}/10-bad-markup.mdx:9: http://example.org/: link over https`,
      ]);
    });

    test('fence languages: one the build does not highlight', () => {
      expect(checkFenceLanguages(bad)).toEqual([`${file}/10-bad-markup.mdx:13: \`\`\`yaml is not a supported code language; use one of http, shell, json, js, ts, python, text`]);
    });

    test('callouts: an unknown kind', () => {
      expect(checkCallouts(bad)).toEqual([`${file}/10-bad-markup.mdx:17: <Callout kind="tip"> is not one of note, warning, misconception`]);
    });

    test('presets: one in the frontmatter and one in a <TryIt> that do not exist, a <TryIt> naming none', () => {
      expect(checkPresets(bad)).toEqual([
        `${file}/10-bad-markup.mdx:1: presets.1: names no sandbox preset: there is no "no-such-preset" in lib/sandbox/scenario/presets`,
        `${file}/10-bad-markup.mdx:23: <TryIt preset="no-such-preset"> names no sandbox preset`,
        `${file}/10-bad-markup.mdx:25: <TryIt> needs preset="..." naming a sandbox preset`,
      ]);
    });

    test('tables: a Markdown pipe table, which the site renders as raw pipes', () => {
      expect(checkNoPipeTables(bad)).toEqual([
        `${file}/10-bad-markup.mdx:27: a Markdown pipe table: the site renders no GFM, so it shows as raw pipes; write a list or a <table>`,
      ]);
    });

    test('client results: a case or a client the matrix does not have, or a prop left out', () => {
      const claims = fixture('11-bad-client-results.mdx');
      expect(checkClientResults(claims)).toEqual([
        `${file}/11-bad-client-results.mdx:10: <ClientResult case="no-such-case" client="curl">: case: no case "no-such-case" in content/compat/cases.yaml`,
        expect.stringMatching(/^.*11-bad-client-results\.mdx:12: <ClientResult case="basic-plain" client="netscape-navigator">: client: no client "netscape-navigator" in content\/compat\/results \(its clients: .*curl.*\)$/),
        `${file}/11-bad-client-results.mdx:14: <ClientResult case="no-such-case" client="netscape-navigator">: case: no case "no-such-case" in content/compat/cases.yaml`,
        expect.stringMatching(/^.*11-bad-client-results\.mdx:14: .*client: no client "netscape-navigator"/),
        `${file}/11-bad-client-results.mdx:16: <ClientResult> needs client="..." naming a client of content/compat/results as a string`,
      ]);
      // The lesson pages run the same check before rendering, so the build stops with the lesson's line.
      expect(() => assertLessonClientResults('11-bad-client-results.mdx', path.join(process.cwd(), file))).toThrow(
        /11-bad-client-results\.mdx:10: <ClientResult case="no-such-case" client="curl">: case: no case "no-such-case"/,
      );
      expect(() => assertLessonClientResults('01-good.mdx', path.join(process.cwd(), file))).not.toThrow();
    });

    test('RFC: a lesson that cites no section', () => {
      expect(checkCitesRfc(bad)).toEqual([`${file}/10-bad-markup.mdx:1: the lesson cites no RFC section: name the ones it relies on, as "RFC 9110 §11.6.1"`]);
    });

    test('what sits in code is not markup: a # line, an http: URL and a <Callout> inside fences and inline code', () => {
      const quiet = fixture('01-good.mdx');
      expect(quiet.model.fences.some((fence) => fence.code.includes('# not a heading') && fence.code.includes('<TryIt preset="no-such-preset" />'))).toBe(true);
      expect(quiet.model.widgets.map((widget) => widget.name)).toEqual(['Exchange', 'Quiz', 'Quiz']);
      expect([...checkNoTitleHeading(quiet), ...checkExternalLinks(quiet), ...checkCallouts(quiet), ...checkPresets(quiet)]).toEqual([]);
    });
  });
});
