// The README stays a short front page and docs/ holds the rest: every relative link in README.md and
// docs/*.md must reach a file that exists (and, with a #fragment, a heading in it), and every page in
// docs/ must be reachable from the README.
import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const root = path.resolve(__dirname, '../..');
const README_MAX_LINES = 120;

type Link = { url: string; line: number };
type MdastNode = Root | RootContent;

function textOf(node: MdastNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? (node.children as MdastNode[]).map(textOf).join('') : '';
}

/** The links of a Markdown file and the ids GitHub gives its headings (github-slugger, in order). */
function readMarkdown(file: string): { links: Link[]; headingIds: Set<string> } {
  const tree = unified().use(remarkParse).parse(fs.readFileSync(file, 'utf8'));
  const links: Link[] = [];
  const slugger = new GithubSlugger();
  const headingIds = new Set<string>();
  const visit = (node: MdastNode) => {
    if (node.type === 'link' || node.type === 'definition') links.push({ url: node.url, line: node.position?.start.line ?? 0 });
    if (node.type === 'heading') headingIds.add(slugger.slug(textOf(node)));
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  visit(tree);
  return { links, headingIds };
}

const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

/** Why a relative link from `file` is broken, or undefined when it resolves. */
function brokenLink(file: string, url: string): string | undefined {
  const [target, fragment] = url.split('#', 2) as [string, string | undefined];
  const resolved = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target));
  if (!fs.existsSync(resolved)) return `${path.relative(root, resolved)} does not exist`;
  if (fragment === undefined) return undefined;
  if (!resolved.endsWith('.md')) return `#${fragment} points into a file that is not Markdown`;
  if (!readMarkdown(resolved).headingIds.has(fragment)) return `${path.relative(root, resolved)} has no heading #${fragment}`;
  return undefined;
}

const docsDir = path.join(root, 'docs');
const docsPages = fs
  .readdirSync(docsDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => path.join(docsDir, name));
const pages = [path.join(root, 'README.md'), ...docsPages];

/** Absolute paths (no fragment) that a page links to. */
function linkedFiles(file: string): Set<string> {
  const targets = readMarkdown(file)
    .links.map((link) => link.url)
    .filter((url) => !isExternal(url) && !url.startsWith('#'))
    .map((url) => path.resolve(path.dirname(file), url.split('#', 1)[0] ?? url));
  return new Set(targets);
}

describe('README.md and docs/', () => {
  test(`README.md is at most ${README_MAX_LINES} lines`, () => {
    const lines = fs.readFileSync(path.join(root, 'README.md'), 'utf8').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
  });

  test.each(pages.map((file) => [path.relative(root, file), file]))('every relative link in %s resolves', (_name, file) => {
    const broken = readMarkdown(file)
      .links.filter((link) => !isExternal(link.url))
      .flatMap((link) => {
        const problem = brokenLink(file, link.url);
        return problem ? [`line ${link.line}: ${link.url}: ${problem}`] : [];
      });
    expect(broken).toEqual([]);
  });

  test('the README and the docs index link every page in docs/', () => {
    const fromReadme = linkedFiles(path.join(root, 'README.md'));
    const fromIndex = linkedFiles(path.join(docsDir, 'README.md'));
    const index = path.join(docsDir, 'README.md');
    const missing = docsPages.flatMap((page) => [
      ...(fromReadme.has(page) ? [] : [`README.md does not link ${path.relative(root, page)}`]),
      ...(page === index || fromIndex.has(page) ? [] : [`docs/README.md does not list ${path.relative(root, page)}`]),
    ]);
    expect(missing).toEqual([]);
  });

  test('the link check sees a broken file link and a missing heading', () => {
    const readme = path.join(root, 'README.md');
    expect(brokenLink(readme, 'docs/no-such-page.md')).toBe('docs/no-such-page.md does not exist');
    expect(brokenLink(readme, 'docs/deploying.md#no-such-heading')).toBe('docs/deploying.md has no heading #no-such-heading');
    expect(brokenLink(readme, 'docs/deploying.md#rate-limit')).toBeUndefined();
  });
});
