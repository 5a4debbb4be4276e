// A lesson's embed page, as the server rendered it, turned into the self-contained copy a SCORM package
// carries (issue 17). Done on the HTML syntax tree (hast), so it needs no browser: the running site
// builds packages for trainers on request, and `npm run export:scorm` uses the very same function.
//
// What changes: Next's scripts, preloads and stylesheet links go (the theme head script stays: it
// applies the reader's system theme before paint); controls only the site's scripts drive go, and what
// needs them (data-export-drop); "Run it live" and the commands' Copy stay for lab-live.js, the quizzes'
// buttons for scorm-lesson.js; links become absolute on the lab and open in a new tab; the commands'
// origin (data-lab-origin) and the transcripts' Host (data-lab-host) become the lab's; folded material is open (a course reader may print or skim
// it). The lab origin is written as given: callers pass a placeholder and substitute it per download.
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

export type StaticCopy = { html: string; stylesheets: string[] };

type Visit = (element: Element, ancestors: readonly Element[]) => 'keep' | 'remove';

/** Walks every element depth-first, parents before children; a 'remove' drops the element and its subtree. */
function walk(parent: Root | Element, ancestors: Element[], visit: Visit): void {
  const kept: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (visit(child, ancestors) === 'remove') continue;
      walk(child, [...ancestors, child], visit);
    }
    kept.push(child);
  }
  parent.children = kept as typeof parent.children;
}

/** Whether the element carries the attribute (hast names data-foo-bar as dataFooBar). */
const has = (element: Element, property: string) => element.properties[property] !== undefined && element.properties[property] !== null;

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function findFirst(root: Element, test: (element: Element) => boolean): Element | undefined {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = findFirst(child, test);
    if (found) return found;
  }
  return undefined;
}

const element = (tagName: string, properties: Element['properties'], text?: string): Element => ({
  type: 'element',
  tagName,
  properties,
  children: text === undefined ? [] : [{ type: 'text', value: text }],
});

/** The package's copy of the embed page `html`, its links on `labOrigin`, its transcripts dated `exportedOn`. */
export function staticCopy(html: string, labOrigin: string, exportedOn: string): StaticCopy {
  const tree = fromHtml(html);
  const stylesheets: string[] = [];
  let head: Element | undefined;
  let body: Element | undefined;
  walk(tree, [], (node, ancestors) => {
    if (node.tagName === 'head') head = node;
    if (node.tagName === 'body') body = node;
    if (node.tagName === 'link') {
      const rel = node.properties.rel;
      if (Array.isArray(rel) && rel.includes('stylesheet') && typeof node.properties.href === 'string') stylesheets.push(node.properties.href);
      return 'remove';
    }
    if (node.tagName === 'script') {
      // Keep only the inline theme script in <head>; the React payload scripts in <body> quote it too,
      // so the place is what tells them apart.
      const inHead = ancestors.at(-1)?.tagName === 'head';
      return inHead && !has(node, 'src') && textOf(node).includes('prefers-color-scheme') ? 'keep' : 'remove';
    }
    if (node.tagName === 'meta' && node.properties.name === 'next-size-adjust') return 'remove';
    // The troubleshooter's step-by-step walk and the like: the readable version next to them stays.
    if (has(node, 'dataExportDrop')) return 'remove';
    if (node.tagName === 'button') {
      const inQuiz = ancestors.some((ancestor) => has(ancestor, 'dataQuiz'));
      const live = has(node, 'dataLiveRun') && ancestors.some((ancestor) => has(ancestor, 'dataExchangeInput'));
      const figure = ancestors.findLast((ancestor) => ancestor.tagName === 'figure');
      const copy = has(node, 'dataCopyButton') && figure !== undefined && findFirst(figure, (inner) => inner.tagName === 'pre') !== undefined;
      if (!inQuiz && !live && !copy) return 'remove';
    }
    // Which transcript is shown, until the reader runs it live (lab-live.js keeps this note true).
    if (has(node, 'dataExchangeInput')) {
      const status = findFirst(node, (inner) => inner.properties.role === 'status');
      if (status) status.children = [{ type: 'text', value: `Recorded when this lesson was exported on ${exportedOn}.` }];
    }
    if (has(node, 'dataLabOrigin')) node.children = [{ type: 'text', value: labOrigin }];
    // A transcript's Host field agrees with the commands (components/ui/ReaderHost.tsx).
    if (has(node, 'dataLabHost')) node.children = [{ type: 'text', value: new URL(labOrigin).host }];
    if (node.tagName === 'details' && has(node, 'dataExportOpen')) node.properties.open = true;
    if (node.tagName === 'a' && typeof node.properties.href === 'string' && !node.properties.href.startsWith('#')) {
      node.properties.href = new URL(node.properties.href, labOrigin).toString();
      node.properties.target = '_blank';
      node.properties.rel = ['noopener'];
    }
    return 'keep';
  });
  if (!head || !body) throw new Error('the embed page has no <head> or <body>');
  head.children.push(
    element('meta', { name: 'lab-origin', content: labOrigin }),
    element('meta', { name: 'exported-on', content: exportedOn }),
    element('link', { rel: ['stylesheet'], href: 'lesson.css' }),
  );
  body.children.push(
    element('script', { type: 'application/json', id: 'quiz-models' }),
    element('script', { src: 'scorm-lesson.js' }),
    element('script', { src: 'lab-live.js' }),
  );
  const document = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  if (!document) throw new Error('the embed page has no <html> element');
  return { html: `<!DOCTYPE html>\n${toHtml(document)}`, stylesheets };
}
