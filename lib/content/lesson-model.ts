// The one reader of a lesson file. It parses the MDX once, with the micromark MDX grammar @next/mdx
// builds with, and everything else reads its result: the lesson index (frontmatter, table of contents,
// quiz ids), the SCORM export's quizzes and every content check (fences with their meta parsed as the
// build does, JSX widgets with their props evaluated statically, links, headings with their ids, prose).
import fs from 'node:fs';
import path from 'node:path';
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { type FoldedHeading, foldedHeadings } from './folded-headings';
import { type Heading, slugHeadings, tableOfContents, type TocEntry } from './headings';
import { stringProp, stringsIn, type Widget, widgetOf } from './jsx-props';
import { LessonContentError } from './lesson-content-error';
import { sharedLessonModel } from './lesson-model-cache';
import { type FenceMeta, parseFenceMeta } from '@/lib/content/mdx/fence-meta.mjs';

export type Fence = { lang: string; meta: FenceMeta; metaError?: string; code: string; line: number };
export type Link = { url: string; text: string; line: number };
export type Prose = { text: string; line: number };

/** The YAML block a lesson starts with, parsed but not yet validated (lib/content/frontmatter.ts does that). */
export type FrontmatterSource =
  | { kind: 'yaml'; data: unknown; yaml: string; line: number }
  | { kind: 'invalid-yaml'; message: string }
  | { kind: 'missing' };

export type LessonModel = {
  /** The file as the reader was given it. */
  file: string;
  frontmatter: FrontmatterSource;
  fences: Fence[];
  widgets: Widget[];
  links: Link[];
  /** Every heading, # to ######, with the id the built page gives it. */
  headings: Heading[];
  /** "On this page": the ## and ### headings. */
  toc: TocEntry[];
  /** The ids of its <Quiz> widgets in page order (progress is stored by them). */
  quizIds: string[];
  /** Text a reader sees: Markdown text and the string props of widgets (quiz explanations, captions). */
  prose: Prose[];
  /** Headings inside a folding widget such as <InDepth>: each one fails the build. */
  foldedHeadings: FoldedHeading[];
};

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx);

type MdastNode = Root | RootContent;

function textOf(node: MdastNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as MdastNode[]).map(textOf).join('') : '';
}

function fenceOf(node: Extract<MdastNode, { type: 'code' }>): Fence {
  const lang = node.lang ?? 'text';
  try {
    return { lang, meta: parseFenceMeta(node.meta ?? undefined, lang), code: node.value, line: node.position?.start.line ?? 0 };
  } catch (error) {
    return { lang, meta: {}, metaError: (error as Error).message, code: node.value, line: node.position?.start.line ?? 0 };
  }
}

// remark-frontmatter reads a YAML block only at the very start of the file, as the build does.
function frontmatterOf(tree: Root): FrontmatterSource {
  const first = tree.children[0];
  if (first?.type !== 'yaml') return { kind: 'missing' };
  try {
    return { kind: 'yaml', data: parseYaml(first.value), yaml: first.value, line: first.position?.start.line ?? 1 };
  } catch (error) {
    return { kind: 'invalid-yaml', message: error instanceof YAMLParseError ? error.message : String(error) };
  }
}

/** Reads one MDX lesson from its text (frontmatter included, so line numbers are the file's). */
export function readLessonModel(file: string, text: string): LessonModel {
  const tree = parser.parse(text);
  const headings = slugHeadings(tree);
  const model: LessonModel = { file, frontmatter: frontmatterOf(tree), fences: [], widgets: [], links: [], headings, toc: tableOfContents(headings), quizIds: [], prose: [], foldedHeadings: foldedHeadings(tree) };
  const visit = (node: MdastNode) => {
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'code':
        model.fences.push(fenceOf(node));
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const widget = widgetOf(node);
        model.widgets.push(widget);
        for (const [name, prop] of Object.entries(widget.props)) {
          if (prop.kind === 'static' && name !== 'messages') stringsIn(prop.value).forEach((value) => model.prose.push({ text: value, line }));
          if (name === 'href' && prop.kind === 'static' && typeof prop.value === 'string') {
            model.links.push({ url: prop.value, text: textOf(node), line });
          }
        }
        const quizId = widget.name === 'Quiz' ? stringProp(widget, 'id') : undefined;
        if (quizId !== undefined) model.quizIds.push(quizId);
        break;
      }
      case 'link':
      case 'definition':
        model.links.push({ url: node.url, text: node.type === 'link' ? textOf(node) : '', line });
        break;
      case 'text':
      case 'inlineCode':
        model.prose.push({ text: node.value, line });
        return;
      default:
        break;
    }
    if ('children' in node) (node.children as MdastNode[]).forEach(visit);
  };
  visit(tree);
  return model;
}

/** A path as errors show it: relative to the project when it is inside it. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

const cache = new Map<string, { mtimeMs: number; size: number; model: LessonModel }>();

/**
 * Reads a lesson file once per process (again only when it changed on disk, as under `next dev`).
 * An MDX syntax error is thrown naming the file, line and column.
 */
export function readLessonFile(filePath: string): LessonModel {
  const file = path.resolve(filePath);
  const { mtimeMs, size } = fs.statSync(/*turbopackIgnore: true*/ file);
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.model;
  let model: LessonModel;
  try {
    const source = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8');
    model = sharedLessonModel(file, source, () => readLessonModel(file, source));
  } catch (error) {
    // micromark's errors (VFileMessage) carry the place; the build's MDX loader would stop at the same one.
    const { line, column } = error as { line?: number; column?: number };
    const place = line === undefined ? '' : `:${line}:${column ?? 0}`;
    throw new LessonContentError(`${shownPath(file)}${place}: the MDX does not parse: ${(error as Error).message}`, { cause: error });
  }
  cache.set(file, { mtimeMs, size, model });
  return model;
}
