// Rehype plugin: turns every fenced code block into <CodeBlock title lang code>{highlighted <pre>}</CodeBlock>.
// Highlighting happens here, at build time, with Shiki's dual themes as CSS variables (no colour is
// baked in, so the light/dark switch is pure CSS). The raw code travels as a prop for the copy button.
// The lab's placeholder origin, in blocks and in inline code, is marked (mark-lab-origin.mjs) so the page
// shows the origin it is served from rather than the one the lesson was written against.
import { createHighlighter } from 'shiki';
import { CODE_LANGUAGES, CODE_THEMES } from './code-languages.mjs';
import { parseFenceMeta } from './fence-meta.mjs';
import { markOriginIn } from './mark-lab-origin.mjs';
import { talksToSandbox } from './sandbox-code.mjs';

/** @typedef {import('hast').Element} Element */
/** @typedef {import('hast').Root} Root */

/** @type {Promise<import('shiki').Highlighter> | undefined} */
let highlighterPromise;

function highlighter() {
  highlighterPromise ??= createHighlighter({
    themes: Object.values(CODE_THEMES),
    langs: Object.values(CODE_LANGUAGES)
      .map((language) => language.grammar)
      .filter((grammar) => grammar !== 'text'),
  });
  return highlighterPromise;
}

/** @param {Element} code */
function fenceLanguage(code) {
  const classes = /** @type {unknown[]} */ (code.properties?.className ?? []);
  const cls = classes.find((c) => typeof c === 'string' && c.startsWith('language-'));
  return typeof cls === 'string' ? cls.slice('language-'.length) : 'text';
}

/** @param {import('hast').Nodes} node */
function textOf(node) {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

/**
 * @param {string} name
 * @param {string} value
 */
function attribute(name, value) {
  return { type: 'mdxJsxAttribute', name, value };
}

/**
 * @param {Element} pre
 * @param {import('shiki').Highlighter} shiki
 * @param {import('vfile').VFile} file
 */
function codeBlockFor(pre, shiki, file) {
  const code = /** @type {Element} */ (pre.children.find((c) => c.type === 'element' && c.tagName === 'code'));
  const lang = fenceLanguage(code);
  const where = `${file.path ?? 'MDX'}:${pre.position?.start.line ?? '?'}`;
  const language = Object.hasOwn(CODE_LANGUAGES, lang) ? CODE_LANGUAGES[/** @type {keyof typeof CODE_LANGUAGES} */ (lang)] : undefined;
  if (!language) {
    throw new Error(
      `${where}: code fence language "${lang}" is not supported; use one of ${Object.keys(CODE_LANGUAGES).join(', ')}.`,
    );
  }
  let meta;
  try {
    meta = parseFenceMeta(/** @type {{ meta?: string } | undefined} */ (code.data)?.meta, lang);
  } catch (error) {
    throw new Error(`${where}: ${/** @type {Error} */ (error).message}`);
  }
  const source = textOf(code).replace(/\n$/, '');
  const highlighted = shiki.codeToHast(source, {
    lang: language.grammar,
    themes: CODE_THEMES,
    defaultColor: false,
  });
  // The outermost spans of Shiki's <pre><code> are its lines (class "line"), each a row of token spans.
  for (const line of elementsNamed(highlighted, 'span')) markOriginIn(line);
  const attributes = [attribute('lang', lang), attribute('code', source)];
  if (meta.title) attributes.push(attribute('title', meta.title));
  // A bare attribute (value null) is JSX's `sandbox`, i.e. sandbox={true}.
  if (talksToSandbox(source)) attributes.push({ type: 'mdxJsxAttribute', name: 'sandbox', value: null });
  return { type: 'mdxJsxFlowElement', name: 'CodeBlock', attributes, children: highlighted.children, data: { _mdxExplicitJsx: true } };
}

/** @param {import('hast').Parents} parent */
function* preElements(parent) {
  for (let i = 0; i < parent.children.length; i++) {
    const child = parent.children[i];
    if (child?.type !== 'element' && !(child && 'children' in child)) continue;
    if (child.type === 'element' && child.tagName === 'pre') yield { parent, index: i, pre: child };
    else if ('children' in child) yield* preElements(child);
  }
}

/**
 * Every element named `tagName` under `node`, outermost first, not looking inside any element named
 * one of `skip`.
 * @param {import('hast').Parents} node
 * @param {string} tagName
 * @param {string[]} [skip]
 * @returns {Generator<Element>}
 */
function* elementsNamed(node, tagName, skip = []) {
  for (const child of node.children) {
    if (child.type === 'element' && child.tagName === tagName) yield child;
    else if (child.type === 'element' && skip.includes(child.tagName)) continue;
    else if ('children' in child) yield* elementsNamed(child, tagName, skip);
  }
}

export default function rehypeCodeBlocks() {
  /**
   * @param {Root} tree
   * @param {import('vfile').VFile} file
   */
  return async function transform(tree, file) {
    for (const code of elementsNamed(tree, 'code', ['pre'])) markOriginIn(code);
    const blocks = [...preElements(tree)];
    if (blocks.length === 0) return;
    const shiki = await highlighter();
    for (const { parent, index, pre } of blocks) {
      // @ts-expect-error -- an MDX JSX node is a valid child in the MDX hast, unknown to plain hast types.
      parent.children[index] = codeBlockFor(pre, shiki, file);
    }
  };
}
