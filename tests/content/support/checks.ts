// The static content checks of issue 6 ("Correctness is tested, not hoped for"). Each returns problems
// as "file:line: what is wrong" so a failing test names the place to fix; [] means the lesson passes.
import { findRfcSection, RFC_SECTIONS } from '@/lib/content/rfc-sections';
import { decodeState } from '@/lib/playground/url-state';
import { createSandboxContext } from '@/lib/sandbox/context';
import { SANDBOX_PREFIX } from '@/lib/sandbox/routes/paths';
import { resolveScenario, routeSandboxRequest } from '@/lib/sandbox/routes/router';
import type { CheckedLesson } from './checked-lesson';
import { checkHttpText } from './http-message';
import type { PropValue, StaticValue, Widget } from '@/lib/content/jsx-props';

/** The origin lessons write sandbox commands against; the tests swap in their own server's. */
export const LESSON_ORIGIN = 'http://localhost:3000';

/** A problem as "file:line: what is wrong". */
export const at = (lesson: CheckedLesson, line: number, message: string) => `${lesson.file}:${line}: ${message}`;

function staticProp(widget: Widget, name: string): { value?: StaticValue; problem?: string } {
  const prop: PropValue | undefined = widget.props[name];
  if (!prop) return {};
  if (prop.kind === 'dynamic') return { problem: `<${widget.name}> ${name}: ${prop.reason}` };
  return { value: prop.value };
}

const isRecord = (value: unknown): value is Record<string, StaticValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** ```http fences and <Exchange messages>: every message parses; a 401/407 carries its challenge. */
export function checkHttpExamples(lesson: CheckedLesson): string[] {
  const problems: string[] = [];
  for (const fence of lesson.model.fences.filter((f) => f.lang === 'http')) {
    // The fence's first content line is the line after the ``` line.
    for (const problem of checkHttpText(fence.code)) problems.push(at(lesson, fence.line + problem.line, problem.message));
  }
  for (const widget of lesson.model.widgets.filter((w) => w.name === 'Exchange')) {
    const { value, problem } = staticProp(widget, 'messages');
    if (problem) problems.push(at(lesson, widget.line, problem));
    else if (!Array.isArray(value) || value.length === 0) problems.push(at(lesson, widget.line, '<Exchange> needs messages={[{ text: `...` }, ...]}'));
    else {
      value.forEach((message, index) => {
        const text = isRecord(message) ? message.text : undefined;
        if (typeof text !== 'string') {
          problems.push(at(lesson, widget.line, `<Exchange> message ${index + 1} has no text string`));
          return;
        }
        for (const p of checkHttpText(text)) problems.push(at(lesson, widget.line, `<Exchange> message ${index + 1}, line ${p.line}: ${p.message}`));
      });
    }
  }
  return problems;
}

const callsSandbox = (code: string) => /\bcurl\b/.test(code) && code.includes(`${SANDBOX_PREFIX}/`);

/**
 * What comes before /api/sandbox/ in a lesson's URL is the lab's origin, or the lab's origin and a
 * well-known suffix: RFC 9728 §3.1 and RFC 8414 §3.1 insert /.well-known/<suffix> between the host and
 * the path, so the metadata of the lab's OAuth resource and issuer lives at such a URL.
 */
const onLabOrigin = (before: string) => before.replace(/\/\.well-known\/[a-z0-9-]+$/, '').endsWith(LESSON_ORIGIN);

/** Fence meta is valid; shell blocks that call the sandbox say which status they end with. */
export function checkFenceMeta(lesson: CheckedLesson): string[] {
  const problems: string[] = [];
  for (const fence of lesson.model.fences) {
    if (fence.metaError) problems.push(at(lesson, fence.line, fence.metaError));
    if (fence.lang !== 'shell') continue;
    if (callsSandbox(fence.code)) {
      if (fence.meta.expect === undefined) {
        problems.push(at(lesson, fence.line, 'a shell block that calls the sandbox with curl needs expect=NNN: the final status it prints'));
      }
      const foreign = [...fence.code.matchAll(/(\S*)\/api\/sandbox\//g)].filter((m) => !onLabOrigin(m[1] ?? ''));
      if (foreign.length > 0) {
        problems.push(at(lesson, fence.line, `write sandbox URLs as ${LESSON_ORIGIN}${SANDBOX_PREFIX}/... (the tests replace that origin), not ${JSON.stringify(foreign[0]?.[0])}`));
      }
    } else if (fence.meta.expect !== undefined) {
      problems.push(at(lesson, fence.line, `expect=${fence.meta.expect} on a shell block that does not call the sandbox with curl: nothing would check it`));
    }
  }
  return problems;
}

// "RFC 9110 §11.4", "RFC 9110, §11.6.1 and §11.6.2", "RFC 7616 §3.3-§3.5".
const RFC_MENTION = /RFC\s?(\d{3,5})((?:(?:,\s*|\s*(?:and|or|to|-|–)\s*|\s+)§\s?(?:[A-Z]|\d+)(?:\.\d+)*)+)/g;
const SECTION_IN_MENTION = /§\s?((?:[A-Z]|\d+)(?:\.\d+)*)/g;
const RFC_LINK = /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc(\d+)(?:\.html)?(?:#(.*))?$/;
const OTHER_RFC_LINK = /^https?:\/\/(?:datatracker\.ietf\.org\/doc\/(?:html\/)?rfc|tools\.ietf\.org\/html\/rfc|www\.rfc-editor\.org\/rfc\/rfc\d+\.txt|rfc-editor\.org\/)/;

function sectionProblem(rfc: number, section: string): string | undefined {
  if (!Object.hasOwn(RFC_SECTIONS, rfc)) {
    return `RFC ${rfc} is cited but content/rfc/rfc${rfc}.json, the table of its sections, does not exist: add it from the RFC's table of contents`;
  }
  return findRfcSection(rfc, section) ? undefined : `RFC ${rfc} has no section ${section}`;
}

/** Every cited RFC section exists; a link's text and its target name the same section. */
export function checkRfcCitations(lesson: CheckedLesson): string[] {
  const problems: string[] = [];
  for (const link of lesson.model.links) {
    if (OTHER_RFC_LINK.test(link.url)) {
      problems.push(at(lesson, link.line, `cite RFCs as https://www.rfc-editor.org/rfc/rfcNNNN#section-X.Y, not ${link.url}`));
      continue;
    }
    const match = RFC_LINK.exec(link.url);
    if (!match) continue;
    const rfc = Number(match[1]);
    const fragment = match[2];
    if (fragment === undefined) continue;
    const section = /^(?:section|appendix)-((?:[A-Z]|\d+)(?:\.\d+)*)$/.exec(fragment)?.[1];
    if (section === undefined) {
      problems.push(at(lesson, link.line, `${link.url}: the fragment must be #section-X.Y (or #appendix-X)`));
      continue;
    }
    const problem = sectionProblem(rfc, section);
    if (problem) problems.push(at(lesson, link.line, `${link.url}: ${problem}`));
    const named = /^RFC\s?(\d+),?\s*§\s?((?:[A-Z]|\d+)(?:\.\d+)*)$/.exec(link.text.trim());
    if (named && (Number(named[1]) !== rfc || named[2] !== section)) {
      problems.push(at(lesson, link.line, `the link text says RFC ${named[1]} §${named[2]} but the link goes to RFC ${rfc} §${section}`));
    }
  }
  // The text of an RFC link was checked with its target above.
  const linkTexts = new Set(lesson.model.links.filter((link) => RFC_LINK.test(link.url) || OTHER_RFC_LINK.test(link.url)).map((link) => `${link.line}:${link.text}`));
  for (const prose of lesson.model.prose) {
    if (linkTexts.has(`${prose.line}:${prose.text}`)) continue;
    for (const mention of prose.text.matchAll(RFC_MENTION)) {
      const rfc = Number(mention[1]);
      for (const section of (mention[2] ?? '').matchAll(SECTION_IN_MENTION)) {
        const problem = sectionProblem(rfc, section[1] ?? '');
        if (problem) problems.push(at(lesson, prose.line, `"${mention[0].trim()}": ${problem}`));
      }
    }
  }
  return [...new Set(problems)];
}

export type Site = {
  lessons: CheckedLesson[];
  /** Slugs that may be linked (no #anchor) before their file exists. */
  plannedSlugs: readonly string[];
  /** Static page routes, e.g. /, /lessons, /playground. */
  routes: ReadonlySet<string>;
};

async function sandboxPathProblem(target: string): Promise<string | undefined> {
  const lookup = resolveScenario(target);
  const detail = (body: string) => (JSON.parse(body) as { detail?: string }).detail ?? body;
  switch (lookup.kind) {
    case 'scenario':
      return undefined;
    case 'invalid':
      return detail(lookup.response.body);
    case 'other': {
      const ctx = createSandboxContext({ secret: new Uint8Array(32) });
      const { response } = await routeSandboxRequest({ method: 'GET', target, headers: [], body: new Uint8Array() }, ctx);
      return response.status === 404 ? detail(response.body) : undefined;
    }
    default: {
      const never: never = lookup;
      return never;
    }
  }
}

/** Internal links resolve: lessons and their headings, static pages, playground share links, sandbox paths. */
export async function checkInternalLinks(lesson: CheckedLesson, site: Site): Promise<string[]> {
  const problems: string[] = [];
  for (const link of lesson.model.links) {
    const url = link.url;
    if (!url.startsWith('/') && !url.startsWith('#')) continue;
    const report = (message: string) => problems.push(at(lesson, link.line, `${url}: ${message}`));
    const [beforeHash = '', hash] = url.split('#') as [string, string | undefined];
    const [pathname = '', query] = beforeHash.split('?') as [string, string | undefined];
    if (pathname === '') {
      if (hash !== undefined && !lesson.model.headings.some((heading) => heading.id === hash)) report(`no heading with id "${hash}" in this lesson`);
      continue;
    }
    const lessonSlug = /^\/lessons\/([^/]+)\/?$/.exec(pathname)?.[1];
    if (lessonSlug !== undefined) {
      const target = site.lessons.find((other) => other.slug === lessonSlug);
      if (!target) {
        if (!site.plannedSlugs.includes(lessonSlug)) report('no such lesson');
        else if (hash !== undefined) report('that lesson is not written yet: link it without an #anchor until it lands');
      } else if (hash !== undefined && !target.model.headings.some((heading) => heading.id === hash)) {
        report(`lesson ${lessonSlug} has no heading with id "${hash}"`);
      }
      continue;
    }
    if (pathname.startsWith(`${SANDBOX_PREFIX}/`)) {
      const problem = await sandboxPathProblem(beforeHash);
      if (problem) report(problem);
      continue;
    }
    if (!site.routes.has(pathname)) {
      report('no page at this path');
      continue;
    }
    if (pathname === '/playground' && query !== undefined) {
      const { problems: linkProblems } = decodeState(query);
      if (linkProblems.length > 0) report(`the playground would say: ${linkProblems.join(' ')}`);
    }
  }
  return problems;
}

const QUIZ_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Quizzes across the site: static props, exactly one correct option, an explanation each, unique ids. */
export function checkQuizzes(lessons: CheckedLesson[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    for (const quiz of lesson.model.widgets.filter((w) => w.name === 'Quiz')) {
      const report = (message: string) => problems.push(at(lesson, quiz.line, message));
      const id = staticProp(quiz, 'id');
      const question = staticProp(quiz, 'question');
      const options = staticProp(quiz, 'options');
      for (const p of [id.problem, question.problem, options.problem]) if (p) report(p);
      if (typeof id.value !== 'string' || !QUIZ_ID.test(id.value)) report(`<Quiz> id must be a kebab-case string, got ${JSON.stringify(id.value)}`);
      else if (seen.has(id.value)) report(`<Quiz> id "${id.value}" is already used at ${seen.get(id.value)}`);
      else seen.set(id.value, `${lesson.file}:${quiz.line}`);
      if (!question.problem && (typeof question.value !== 'string' || question.value.trim() === '')) report('<Quiz> needs a question');
      if (options.problem) continue;
      if (!Array.isArray(options.value) || options.value.length < 2) {
        report('<Quiz> needs options={[...]} with at least two options');
        continue;
      }
      let correct = 0;
      options.value.forEach((option, index) => {
        if (!isRecord(option) || typeof option.text !== 'string' || option.text.trim() === '') {
          report(`<Quiz> option ${index + 1} needs a text`);
          return;
        }
        if (typeof option.explain !== 'string' || option.explain.trim() === '') report(`<Quiz> option ${index + 1} (${JSON.stringify(option.text)}) needs an explain`);
        if (option.correct !== undefined && typeof option.correct !== 'boolean') report(`<Quiz> option ${index + 1}: correct must be true or absent`);
        if (option.correct === true) correct += 1;
      });
      if (correct !== 1) report(`<Quiz> must have exactly one correct option, has ${correct}`);
    }
  }
  return problems;
}

/**
 * Issue 6 "Reading quality": ## Summary, then ## Check yourself (last) with 2 to 4 quizzes. (8 to 20
 * minutes is a frontmatter rule: lib/content/frontmatter.ts.)
 */
export function checkLessonStructure(lesson: CheckedLesson): string[] {
  const problems: string[] = [];
  const sections = lesson.model.headings.filter((heading) => heading.depth === 2);
  const summary = sections.find((heading) => heading.text.trim() === 'Summary');
  const check = sections.find((heading) => heading.text.trim() === 'Check yourself');
  if (!summary) problems.push(at(lesson, 1, 'the lesson needs a "## Summary" section'));
  if (!check) problems.push(at(lesson, 1, 'the lesson needs a "## Check yourself" section'));
  if (summary && check && summary.line > check.line) problems.push(at(lesson, summary.line, '"## Summary" must come before "## Check yourself"'));
  if (check && sections[sections.length - 1] !== check) problems.push(at(lesson, check.line, '"## Check yourself" must be the last ## section'));
  if (check) {
    const quizzes = lesson.model.widgets.filter((w) => w.name === 'Quiz' && w.line > check.line).length;
    if (quizzes < 2 || quizzes > 4) problems.push(at(lesson, check.line, `"## Check yourself" needs 2 to 4 <Quiz> items, has ${quizzes}`));
  }
  return problems;
}
