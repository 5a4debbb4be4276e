// Reads an RFC's section table from kramdown-rfc markdown: a YAML header (title, and the `normative:` and
// `informative:` reference lists), then `--- middle` and `--- back`, with `#` headings for sections. Numbers
// the sections the way kramdown-rfc and xml2rfc render them: the middle counts 1, 2 and nests 1.1; the
// references come next, as one "References" section holding "Normative References" and "Informative
// References" when the header lists both (as one section of that name when it lists one); then the back's
// headings are appendices A, B and A.1. A heading followed by `{: numbered='false'}` is not numbered, and
// neither is anything under it. Lines inside fenced blocks (``` or ~~~) are not headings.
//
// Used for RFC 8725, whose only reachable text is markdown converted from the RFC (scripts/rfc-sources.json).

const HEADING = /^(#{1,6})\s+(.*?)(?:\s+\{#[^}]*\})?\s*$/;
const UNNUMBERED = /^\{:\s*numbered\s*=\s*(['"])(?:false|no)\1\s*\}\s*$/;
const FENCE = /^(?:```|~~~)/;

/**
 * The numbered sections of the document in `markdown`, in order, as [number, title] pairs.
 * @param {string} markdown
 * @returns {[string, string][]}
 */
export function parseMarkdownSections(markdown) {
  const { header, body } = splitHeader(markdown);
  const middleAt = body.findIndex((line) => /^---\s+middle\s*$/.test(line));
  if (middleAt < 0) throw new Error('no "--- middle" line');
  const backAt = body.findIndex((line) => /^---\s+back\s*$/.test(line));
  const middle = body.slice(middleAt + 1, backAt < 0 ? undefined : backAt);
  const back = backAt < 0 ? [] : body.slice(backAt + 1);

  /** @type {[string, string][]} */
  const sections = numberHeadings(headings(middle), (index) => String(index + 1));
  const top = sections.filter(([number]) => !number.includes('.')).length;
  const groups = ['normative', 'informative'].filter((key) => new RegExp(`^${key}:`, 'm').test(header));
  if (groups.length === 2) sections.push([String(top + 1), 'References'], [`${top + 1}.1`, 'Normative References'], [`${top + 1}.2`, 'Informative References']);
  else if (groups.length === 1) sections.push([String(top + 1), groups[0] === 'normative' ? 'Normative References' : 'Informative References']);
  sections.push(...numberHeadings(headings(back), (index) => String.fromCharCode('A'.charCodeAt(0) + index)));
  return sections;
}

/**
 * The document's title: the header's `title:`.
 * @param {string} markdown
 */
export function parseMarkdownTitle(markdown) {
  const title = /^title:\s*(.+?)\s*$/m.exec(splitHeader(markdown).header)?.[1];
  if (title === undefined) throw new Error('no "title:" in the YAML header');
  return title.replace(/^(['"])(.*)\1$/, '$2');
}

/** The YAML header, from the first line's `---` to the first part line (`--- abstract`, `--- middle`), and the lines from there on. */
function splitHeader(markdown) {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  if (lines[0]?.trim() !== '---') throw new Error('no YAML header ("---" on the first line)');
  const end = lines.findIndex((line, index) => index > 0 && /^---\s+\w/.test(line));
  if (end < 0) throw new Error('no "--- abstract" or "--- middle" line after the YAML header');
  return { header: lines.slice(1, end).join('\n'), body: lines.slice(end) };
}

/** The headings among `lines`, outside fenced blocks: level, title, and whether the next line un-numbers it. */
function headings(lines) {
  const found = [];
  let fenced = false;
  lines.forEach((line, index) => {
    if (FENCE.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (!heading) return;
    found.push({ level: (heading[1] ?? '').length, title: (heading[2] ?? '').trim(), numbered: !UNNUMBERED.test(lines[index + 1] ?? '') });
  });
  return found;
}

/** Numbers for the headings: the top level from `topNumber`, deeper ones nested; unnumbered subtrees left out. */
function numberHeadings(found, topNumber) {
  /** @type {[string, string][]} */
  const sections = [];
  /** Per level, from 1: the open heading's number, or null when it (or one above it) is unnumbered. */
  const open = [];
  const children = [0];
  for (const { level, title, numbered } of found) {
    if (level > open.length + 1) throw new Error(`"${title}" is ${level - open.length - 1} level(s) deeper than the heading above it`);
    open.length = level - 1;
    children.length = level;
    const parent = level === 1 ? '' : open[level - 2];
    let number = null;
    if (numbered && parent !== null) {
      const index = children[level - 1] ?? 0;
      children[level - 1] = index + 1;
      number = level === 1 ? topNumber(index) : `${parent}.${index + 1}`;
      sections.push([number, title]);
    }
    open.push(number);
    children.push(0);
  }
  return sections;
}
