import GithubSlugger from 'github-slugger';

export type TocEntry = { depth: 2 | 3; text: string; id: string };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

/**
 * Plain text of a heading's inline Markdown, as rehype-slug sees it (hast-util-to-string):
 * inline code keeps its content, links keep their text, emphasis markers and escapes go.
 */
export function headingText(markdown: string): string {
  // Backslash escapes first, parked as placeholders so an escaped "*" is not read as emphasis.
  const escaped: string[] = [];
  const parked = markdown.replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, (_, char: string) => `\uE000${escaped.push(char) - 1}\uE001`);
  return parked
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/\uE000(\d+)\uE001/g, (_, index: string) => escaped[Number(index)] ?? '')
    .trim();
}

/**
 * The table of contents of an MDX body: its ## and ### headings with the ids rehype-slug gives them.
 * Every heading level is slugged in order, as rehype-slug does, so repeated texts get the same -1, -2 suffixes.
 */
export function tableOfContents(body: string): TocEntry[] {
  const slugger = new GithubSlugger();
  const entries: TocEntry[] = [];
  let fence: string | undefined;
  for (const line of body.split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = ATX_HEADING.exec(line);
    if (!heading) continue;
    const depth = (heading[1] ?? '').length;
    const text = headingText(heading[2] ?? '');
    const id = slugger.slug(text);
    if (depth === 2 || depth === 3) entries.push({ depth, text, id });
  }
  return entries;
}
