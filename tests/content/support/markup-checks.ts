// What the lesson page is built from, checked on the lesson reader's model (the MDX syntax tree, so code
// fences and inline code are never mistaken for markup): headings and their ids, links, fence languages,
// widget props that name something, RFC citations. Each returns "file:line: what is wrong" problems.
import { CALLOUT_KINDS } from '@/components/mdx/Callout';
import { compatData } from '@/lib/compat/compat-data';
import { clientResultProblems } from '@/lib/content/client-result-refs';
import { lessonFrontmatterSchema } from '@/lib/content/frontmatter';
import { CODE_LANGUAGES } from '@/lib/content/mdx/code-languages.mjs';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { isSectionId } from '@/lib/site/embed';
import type { CheckedLesson } from './checked-lesson';
import { at } from './checks';

/** The page's title comes from the frontmatter: no # heading in the body. */
export function checkNoTitleHeading(lesson: CheckedLesson): string[] {
  return lesson.model.headings
    .filter((heading) => heading.depth === 1)
    .map((heading) => at(lesson, heading.line, `"# ${heading.text}": the page title comes from the frontmatter, so the body starts at ##`));
}

/** There is a table of contents; every heading id is unique and every ## id can be embedded (?section=). */
export function checkSections(lesson: CheckedLesson): string[] {
  const problems: string[] = [];
  const { headings, toc } = lesson.model;
  if (toc.length < 2) problems.push(at(lesson, 1, `the lesson needs at least two ## or ### sections for its table of contents, has ${toc.length}`));
  for (const heading of headings.filter((h) => h.depth === 2 && !isSectionId(h.id))) {
    problems.push(at(lesson, heading.line, `"## ${heading.text}" gets the id ${JSON.stringify(heading.id)}, which an embed's ?section= cannot name: give it words`));
  }
  const seen = new Map<string, number>();
  for (const heading of headings) {
    const first = seen.get(heading.id);
    if (first !== undefined) problems.push(at(lesson, heading.line, `the heading id "${heading.id}" is already used on line ${first}`));
    else seen.set(heading.id, heading.line);
  }
  return problems;
}

/** Links that leave the lab go over https. */
export function checkExternalLinks(lesson: CheckedLesson): string[] {
  return lesson.model.links.filter((link) => /^http:/i.test(link.url)).map((link) => at(lesson, link.line, `${link.url}: link over https`));
}

/** Fences name a language the build highlights (lib/content/mdx/code-languages.mjs); none means text. */
export function checkFenceLanguages(lesson: CheckedLesson): string[] {
  return lesson.model.fences
    .filter((fence) => !Object.hasOwn(CODE_LANGUAGES, fence.lang))
    .map((fence) => at(lesson, fence.line, `\`\`\`${fence.lang} is not a supported code language; use one of ${Object.keys(CODE_LANGUAGES).join(', ')}`));
}

/** A <Callout kind> names a kind the component knows (none means note). */
export function checkCallouts(lesson: CheckedLesson): string[] {
  return lesson.model.widgets.flatMap((widget) => {
    const kind = widget.props.kind;
    if (widget.name !== 'Callout' || kind === undefined) return [];
    if (kind.kind === 'dynamic') return [at(lesson, widget.line, `<Callout> kind: ${kind.reason}`)];
    if ((CALLOUT_KINDS as readonly unknown[]).includes(kind.value)) return [];
    return [at(lesson, widget.line, `<Callout kind=${JSON.stringify(kind.value)}> is not one of ${CALLOUT_KINDS.join(', ')}`)];
  });
}

/**
 * Every sandbox preset the lesson names exists: in its frontmatter (the schema's rule for `presets`, which
 * the lesson index applies with every other frontmatter rule) and in each <TryIt preset>.
 */
export function checkPresets(lesson: CheckedLesson): string[] {
  const problems: string[] = [];
  const { frontmatter } = lesson.model;
  const listed = frontmatter.kind === 'yaml' && frontmatter.data !== null && typeof frontmatter.data === 'object' ? (frontmatter.data as { presets?: unknown }).presets : undefined;
  const parsed = listed === undefined ? undefined : lessonFrontmatterSchema.shape.presets.safeParse(listed);
  for (const issue of parsed?.error?.issues ?? []) problems.push(at(lesson, frontmatter.kind === 'yaml' ? frontmatter.line : 1, `presets.${issue.path.join('.')}: ${issue.message}`));
  for (const widget of lesson.model.widgets.filter((w) => w.name === 'TryIt')) {
    const preset = widget.props.preset;
    if (preset === undefined) problems.push(at(lesson, widget.line, '<TryIt> needs preset="..." naming a sandbox preset'));
    else if (preset.kind === 'dynamic') problems.push(at(lesson, widget.line, `<TryIt> preset: ${preset.reason}`));
    else if (typeof preset.value !== 'string' || !findPreset(preset.value)) problems.push(at(lesson, widget.line, `<TryIt preset=${JSON.stringify(preset.value)}> names no sandbox preset`));
  }
  return problems;
}

// "RFC 9110 §11.6.1": the lessons are RFC-exact, so each cites at least one section it relies on.
const RFC_SECTION_CITATION = /RFC \d{4} §\d+(\.\d+)*/;

/** The lesson cites at least one RFC section in its text (the citations themselves: checkRfcCitations). */
export function checkCitesRfc(lesson: CheckedLesson): string[] {
  return lesson.model.prose.some((prose) => RFC_SECTION_CITATION.test(prose.text)) ? [] : [at(lesson, 1, 'the lesson cites no RFC section: name the ones it relies on, as "RFC 9110 §11.6.1"')];
}

/** A GFM delimiter row, `| --- | :-: |`: the tell of a pipe table. */
const DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/m;

/**
 * No Markdown pipe tables: the site's MDX has no GFM, so one renders as a paragraph of pipes. A table is
 * a list, or a <table> in JSX with a caption and header cells.
 */
export function checkNoPipeTables(lesson: CheckedLesson): string[] {
  return lesson.model.prose
    .filter((prose) => DELIMITER_ROW.test(prose.text))
    .map((prose) => at(lesson, prose.line, 'a Markdown pipe table: the site renders no GFM, so it shows as raw pipes; write a list or a <table>'));
}

/** Each <ClientResult case client> names a case of content/compat/cases.yaml and a measured client (issue 21). */
export function checkClientResults(lesson: CheckedLesson): string[] {
  return clientResultProblems(lesson.file, lesson.model.widgets, compatData());
}
