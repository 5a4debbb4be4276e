// Reads an MDX lesson into what the content checks look at: fences (with their meta parsed as the build
// does), JSX widgets with their props evaluated statically, links, headings and prose. Parsed with the
// same micromark MDX grammar @next/mdx uses, so a construct the build reads differently cannot slip by.
import type { Expression, Node as EstreeNode, Program } from 'estree';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { type FenceMeta, parseFenceMeta } from '@/lib/content/mdx/fence-meta.mjs';

export type StaticValue = string | number | boolean | null | StaticValue[] | { [key: string]: StaticValue };

/** A JSX prop: its value when it is a literal, or why it is not. */
export type PropValue = { kind: 'static'; value: StaticValue } | { kind: 'dynamic'; reason: string };

export type Fence = { lang: string; meta: FenceMeta; metaError?: string; code: string; line: number };
export type Widget = { name: string; line: number; props: Record<string, PropValue> };
export type Link = { url: string; text: string; line: number };
export type Heading = { depth: number; text: string; line: number };
export type Prose = { text: string; line: number };

export type LessonModel = {
  file: string;
  fences: Fence[];
  widgets: Widget[];
  links: Link[];
  headings: Heading[];
  /** Text a reader sees: Markdown text and the string props of widgets (quiz explanations, captions). */
  prose: Prose[];
};

const parser = unified().use(remarkParse).use(remarkFrontmatter).use(remarkMdx);

type MdastNode = Root | RootContent;

function textOf(node: MdastNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as MdastNode[]).map(textOf).join('') : '';
}

/**
 * Evaluates a prop expression that is a literal: strings, numbers, booleans, null, template literals
 * without ${}, and arrays/objects of those. Anything else (a variable, a call, a spread) is refused: the
 * tests could not know its value, so a lesson must not hide content behind it.
 */
export function staticValue(node: EstreeNode): StaticValue {
  switch (node.type) {
    case 'Literal':
      if ('regex' in node || 'bigint' in node) throw new Error('a regular expression or bigint literal');
      return node.value as string | number | boolean | null;
    case 'TemplateLiteral':
      if (node.expressions.length > 0) throw new Error('a template literal with ${...} expressions');
      return node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('');
    case 'ArrayExpression':
      return node.elements.map((element) => {
        if (element === null) throw new Error('an array with a hole');
        if (element.type === 'SpreadElement') throw new Error('a spread (...) in an array');
        return staticValue(element);
      });
    case 'ObjectExpression': {
      const object: { [key: string]: StaticValue } = {};
      for (const property of node.properties) {
        if (property.type !== 'Property') throw new Error('a spread (...) in an object');
        if (property.computed || property.method || property.shorthand || property.kind !== 'init') {
          throw new Error('an object property that is not a plain `key: value`');
        }
        const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? String(property.key.value) : undefined;
        if (key === undefined) throw new Error('an object key that is not a name or a string');
        object[key] = staticValue(property.value);
      }
      return object;
    }
    default:
      throw new Error(`a ${node.type}, not a literal`);
  }
}

function propValue(expression: Program | undefined): PropValue {
  const statement = expression?.body[0];
  if (!expression || expression.body.length !== 1 || statement?.type !== 'ExpressionStatement') {
    return { kind: 'dynamic', reason: 'the expression could not be read' };
  }
  try {
    return { kind: 'static', value: staticValue(statement.expression as Expression) };
  } catch (error) {
    return { kind: 'dynamic', reason: `the value is ${(error as Error).message}; write the value out as a literal` };
  }
}

function widgetOf(node: MdxJsxFlowElement | MdxJsxTextElement): Widget {
  const props: Record<string, PropValue> = {};
  for (const attribute of node.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      props['...'] = { kind: 'dynamic', reason: `a spread attribute ${attribute.value}; write each prop out` };
      continue;
    }
    const value = attribute.value;
    if (value === null || value === undefined) props[attribute.name] = { kind: 'static', value: true };
    else if (typeof value === 'string') props[attribute.name] = { kind: 'static', value };
    else props[attribute.name] = propValue(value.data?.estree ?? undefined);
  }
  return { name: node.name ?? '', line: node.position?.start.line ?? 0, props };
}

function stringsIn(value: StaticValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Parses one MDX file (frontmatter included, so line numbers are the file's). */
export function readLessonModel(file: string, text: string): LessonModel {
  const model: LessonModel = { file, fences: [], widgets: [], links: [], headings: [], prose: [] };
  const visit = (node: MdastNode) => {
    const line = node.position?.start.line ?? 0;
    switch (node.type) {
      case 'code': {
        const lang = node.lang ?? 'text';
        let meta: FenceMeta = {};
        let metaError: string | undefined;
        try {
          meta = parseFenceMeta(node.meta ?? undefined, lang);
        } catch (error) {
          metaError = (error as Error).message;
        }
        model.fences.push({ lang, meta, metaError, code: node.value, line });
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const widget = widgetOf(node);
        model.widgets.push(widget);
        for (const [name, prop] of Object.entries(widget.props)) {
          if (prop.kind === 'static' && name !== 'messages') stringsIn(prop.value).forEach((text) => model.prose.push({ text, line }));
          if (name === 'href' && prop.kind === 'static' && typeof prop.value === 'string') {
            model.links.push({ url: prop.value, text: textOf(node), line });
          }
        }
        break;
      }
      case 'link':
      case 'definition':
        model.links.push({ url: node.url, text: node.type === 'link' ? textOf(node) : '', line });
        break;
      case 'heading':
        model.headings.push({ depth: node.depth, text: textOf(node), line });
        break;
      case 'text':
        model.prose.push({ text: node.value, line });
        return;
      default:
        break;
    }
    if ('children' in node) (node.children as MdastNode[]).forEach(visit);
  };
  visit(parser.parse(text));
  return model;
}
