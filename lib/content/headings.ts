// A lesson's headings with the ids its built page gives them. The build (next.config.mjs) turns the MDX
// syntax tree into HTML with remark-rehype and then runs rehype-slug; here the same tree goes through
// the same two steps, so an id is rehype-slug's own answer (github-slugger over the heading's text, every
// level in page order, repeats suffixed -1, -2), never a second reading of the Markdown.
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toString as hastText } from 'hast-util-to-string';
import type { Root } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import rehypeSlug from 'rehype-slug';

export type HeadingDepth = 1 | 2 | 3 | 4 | 5 | 6;
export type Heading = { depth: HeadingDepth; text: string; id: string; line: number };

/** One line of a lesson page's "On this page": its ## and ### headings. */
export type TocEntry = { depth: 2 | 3; text: string; id: string };

// What @mdx-js/mdx hands through remark-rehype untouched (its `nodeTypes`): JSX and expressions. The
// Markdown inside a widget (a heading in a <Callout>) is still converted, and rehype-slug counts it.
const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'] as const;

const HEADING_TAG = /^h([1-6])$/;

/** Every heading of the tree, h1 to h6 in page order, with the id rehype-slug gives it. */
export function slugHeadings(tree: Root): Heading[] {
  const hast = toHast(tree, { allowDangerousHtml: true, passThrough: [...MDX_NODE_TYPES] }) as HastRoot;
  rehypeSlug()(hast);
  const headings: Heading[] = [];
  const visit = (node: HastRoot | HastContent) => {
    const depth = node.type === 'element' ? HEADING_TAG.exec(node.tagName)?.[1] : undefined;
    if (depth !== undefined) {
      const element = node as Element;
      headings.push({ depth: Number(depth) as HeadingDepth, text: hastText(element), id: String(element.properties.id ?? ''), line: element.position?.start.line ?? 0 });
    }
    if ('children' in node) (node.children as HastContent[]).forEach(visit);
  };
  visit(hast);
  return headings;
}

/** The table of contents: the ## and ### headings, in page order. */
export function tableOfContents(headings: readonly Heading[]): TocEntry[] {
  return headings.flatMap(({ depth, text, id }) => (depth === 2 || depth === 3 ? [{ depth, text, id }] : []));
}
