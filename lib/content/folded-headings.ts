// Issue 16: deep material folds into <InDepth>, a closed <details>. A heading inside one would be in
// the contents list and the Embed dialog, yet hidden until the reader opens the box, and the
// "current section" the contents bar names could not be seen. So no heading may sit inside a fold:
// the lesson index (lib/content/lessons.ts) fails the build on one, naming the file and line.
import type { Root, RootContent } from 'mdast';
import { IN_DEPTH_TAG } from './widgets/in-depth';

/** The widgets that render closed by default: their content is folded. */
export const FOLDING_WIDGETS: readonly string[] = [IN_DEPTH_TAG];

export type FoldedHeading = { depth: number; text: string; line: number; fold: string };

type Node = Root | RootContent;

function textOf(node: Node): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as Node[]).map(textOf).join('') : '';
}

/** Every Markdown heading (and <h1>–<h6> written as JSX) inside a folding widget. */
export function foldedHeadings(tree: Root): FoldedHeading[] {
  const found: FoldedHeading[] = [];
  const visit = (node: Node, fold: string | undefined) => {
    const line = node.position?.start.line ?? 0;
    if (fold !== undefined && node.type === 'heading') found.push({ depth: node.depth, text: textOf(node), line, fold });
    let inside = fold;
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const heading = /^h([1-6])$/.exec(node.name ?? '');
      if (fold !== undefined && heading) found.push({ depth: Number(heading[1]), text: textOf(node), line, fold });
      if (node.name && FOLDING_WIDGETS.includes(node.name)) inside ??= node.name;
    }
    if ('children' in node) (node.children as Node[]).forEach((child) => visit(child, inside));
  };
  visit(tree, undefined);
  return found;
}

/** "file:line: ..." for each folded heading, as the build reports them. */
export function foldedHeadingProblems(file: string, headings: readonly FoldedHeading[]): string[] {
  return headings.map(
    ({ depth, text, line, fold }) =>
      `${file}:${line}: the heading "${'#'.repeat(depth)} ${text}" is inside <${fold}>; a folded box holds no headings (the contents would point into it). Put the heading before the <${fold}>.`,
  );
}
