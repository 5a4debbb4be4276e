// Marks the lab's placeholder origin in highlighted code so a page can show the origin it is served from.
// Each whole occurrence of http://localhost:3000 becomes <LabOrigin>http://localhost:3000</LabOrigin>,
// and a Host field's localhost:3000 <LabHost>localhost:3000</LabHost> (components/mdx/LabHost.tsx)
// (components/mdx/LabOrigin.tsx) inside a token of its own, keeping the colour of the token it starts
// in. Shiki may cut a URL into several tokens, and an origin may start or end mid-token: tokens are
// split at the origin's edges first, so the marked text is exactly the origin, never more or less.
import { hostFieldRanges, LAB_PLACEHOLDER_ORIGIN, originRanges } from '../../site/lab-origin.mjs';

/** @typedef {import('hast').Element} Element */
/** @typedef {import('hast').ElementContent} ElementContent */

/** The MDX component names the marked origin and host are rendered by (mdx-components.tsx). */
export const LAB_ORIGIN_COMPONENT = 'LabOrigin';
export const LAB_HOST_COMPONENT = 'LabHost';

/** @param {import('hast').Nodes} node @returns {string} */
function textOf(node) {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

/**
 * A leaf's text: a text node, or an element holding only text (a Shiki token); undefined for anything
 * deeper, which is never split.
 * @param {ElementContent} node
 */
function leafText(node) {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.children.every((child) => child.type === 'text')) return textOf(node);
  return undefined;
}

/**
 * The same leaf holding `value` instead.
 * @param {ElementContent} leaf
 * @param {string} value
 * @returns {ElementContent}
 */
function withText(leaf, value) {
  if (leaf.type !== 'element') return { type: 'text', value };
  return { type: 'element', tagName: leaf.tagName, properties: { ...leaf.properties }, children: [{ type: 'text', value }] };
}

/**
 * @param {ElementContent} leaf the first piece of the origin: its token's colour is the marked origin's
 * @param {string} origin the marked text
 * @param {string} component
 * @returns {ElementContent}
 */
function markedOrigin(leaf, origin, component) {
  const mark = /** @type {ElementContent} */ (
    /** @type {unknown} */ ({
      type: 'mdxJsxTextElement',
      name: component,
      attributes: [],
      children: [{ type: 'text', value: origin }],
      data: { _mdxExplicitJsx: true },
    })
  );
  if (leaf.type !== 'element') return mark;
  return { type: 'element', tagName: leaf.tagName, properties: { ...leaf.properties }, children: [mark] };
}

/**
 * Marks every whole occurrence of `origin` among `parent`'s children: a Shiki line (token spans) or
 * inline code (text); then every Host field's placeholder host.
 * @param {Element} parent
 * @param {string} [origin]
 */
export function markOriginIn(parent, origin = LAB_PLACEHOLDER_ORIGIN) {
  markRanges(parent, (whole) => originRanges(whole, origin), LAB_ORIGIN_COMPONENT);
  markRanges(parent, hostFieldRanges, LAB_HOST_COMPONENT);
}

/**
 * Marks the ranges `rangesOf` finds in the text of `parent`'s children with `component`.
 * @param {Element} parent
 * @param {(whole: string) => { start: number, end: number }[]} rangesOf
 * @param {string} component
 */
function markRanges(parent, rangesOf, component) {
  /** @type {{ node: ElementContent, start: number, end: number, leaf: boolean }[]} */
  const children = [];
  let offset = 0;
  for (const node of parent.children) {
    const text = leafText(node);
    const length = (text ?? textOf(node)).length;
    children.push({ node, start: offset, end: offset + length, leaf: text !== undefined });
    offset += length;
  }
  const whole = children.map(({ node }) => textOf(node)).join('');
  // An edge inside something that is not a plain token cannot be cut: leave that occurrence alone.
  const cuttable = (/** @type {number} */ at) => !children.some((child) => !child.leaf && child.start < at && at < child.end);
  const ranges = rangesOf(whole).filter(({ start, end }) => cuttable(start) && cuttable(end));
  if (ranges.length === 0) return;
  const edges = ranges.flatMap(({ start, end }) => [start, end]);

  /** @type {ElementContent[]} */
  const marked = [];
  for (const child of children) {
    const pieces = [];
    if (child.leaf) {
      const text = /** @type {string} */ (leafText(child.node));
      const cuts = [...edges.filter((edge) => child.start < edge && edge < child.end), child.end].sort((a, b) => a - b);
      let from = child.start;
      for (const cut of cuts) {
        pieces.push({ node: withText(child.node, text.slice(from - child.start, cut - child.start)), start: from, end: cut });
        from = cut;
      }
    } else {
      pieces.push(child);
    }
    for (const piece of pieces) {
      const range = ranges.find(({ start, end }) => start <= piece.start && piece.end <= end);
      if (!range) marked.push(piece.node);
      // The origin's first piece stands for all of it; the rest of its pieces are dropped.
      else if (piece.start === range.start && piece.end > piece.start) marked.push(markedOrigin(piece.node, whole.slice(range.start, range.end), component));
    }
  }
  parent.children = marked;
}
