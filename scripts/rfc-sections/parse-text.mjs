// Reads an RFC's section table from its plain-text form: the "Table of Contents" that every RFC (and every
// Internet-Draft) since the 1990s carries. Why the text and not memory: the tables in content/rfc/ decide
// whether a lesson's "RFC 7616 §3.5" names a real section, so they must say what the RFC says.
//
// Handles both layouts xml2rfc has produced: the paginated one (dot leaders, page numbers, page
// breaks with a footer and a running header inside the contents) and the v3 one (no page numbers).
// An entry may wrap onto more lines; unnumbered entries ("Acknowledgements", "Authors' Addresses") are
// not sections anyone cites by number and are left out.

/** "4.2.1." or "B.2." at the start of an entry, or "Appendix B."; the dot is optional, as in RFC 2617's "3.2.1  The WWW-Authenticate Response Header". */
const NUMBERED_ENTRY = /^(\s*)(?:Appendix\s+)?((?:\d+|[A-Z])(?:\.\d+)*)\.?\s+(\S.*)$/;
/** The page footer ("Rescorla   Standards Track   [Page 3]") and the running header ("RFC 8446   TLS   August 2018"). */
const PAGE_FOOTER = /\[Page \d+\]\s*$/;
const RUNNING_HEADER = /^(?:RFC \d+|Internet-Draft)\s{2,}.*\s{2,}\S.*$/;
/** ". . . . . 14", "..........4" or " .  . 14" at the end of a paginated entry. */
const LEADERS_AND_PAGE = /\s*\.(?:\s*\.)+\s*\d*\s*$/;

/**
 * The numbered entries of the first "Table of Contents" in `text`, in order: [number, title] pairs with
 * appendices by their letter ("A", "B.1").
 * @param {string} text
 * @returns {[string, string][]}
 */
export function parseTextToc(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => /^Table of Contents\s*$/.test(line));
  if (start < 0) throw new Error('no "Table of Contents" line');
  /** @type {{ indent: number, number: string, title: string }[]} */
  const entries = [];
  /** The entry a wrapped line continues, or undefined after an unnumbered one. */
  let open;
  for (const raw of lines.slice(start + 1)) {
    const line = raw.replace(/\f/g, '');
    if (line.trim() === '' || PAGE_FOOTER.test(line) || RUNNING_HEADER.test(line)) continue;
    // The contents end where the body starts: the first line at the left margin.
    if (!/^\s/.test(line)) break;
    const indent = line.length - line.trimStart().length;
    const entry = NUMBERED_ENTRY.exec(line);
    // A wrapped title sits deeper than the entry it continues and does not start with a section number.
    if (open && indent > open.indent && !entry) {
      open.title += ` ${line.trim()}`;
      continue;
    }
    if (!entry) {
      open = undefined;
      continue;
    }
    open = { indent, number: entry[2] ?? '', title: entry[3] ?? '' };
    entries.push(open);
  }
  if (entries.length === 0) throw new Error('the table of contents lists no numbered section');
  return entries.map(({ number, title }) => [number, cleanTitle(title)]);
}

/** A heading in the body: at the left margin, "3.1.2.1.  Endpoint Request Confidentiality" or "A.1.  Title". */
const BODY_HEADING = /^((?:\d+|[A-Z])(?:\.\d+)+)\.?\s+(\S.*)$/;

/**
 * The RFC's sections: the numbered entries of its Table of Contents, and the deeper ones the contents leave
 * out. xml2rfc lists three levels by default, so RFC 6749's contents stop at 3.1.2 while its body has
 * 3.1.2.1 to 3.1.2.5. A heading from the body is taken only if the section it belongs to is already
 * listed (3.1.2 for 3.1.2.1) and it is not: a stray line of the body cannot add a section that way.
 * @param {string} text
 * @returns {[string, string][]}
 */
export function parseTextSections(text) {
  const sections = parseTextToc(text);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((line) => /^Table of Contents\s*$/.test(line));
  const listed = new Set(sections.map(([number]) => number));
  for (const raw of lines.slice(start + 1)) {
    const heading = BODY_HEADING.exec(raw.replace(/\f/g, '').trimEnd());
    if (!heading) continue;
    const number = heading[1] ?? '';
    const parent = number.slice(0, number.lastIndexOf('.'));
    if (listed.has(number) || !listed.has(parent)) continue;
    // After the parent and whatever of its subtree is already listed.
    const last = sections.findLastIndex(([other]) => other === parent || other.startsWith(`${parent}.`));
    sections.splice(last + 1, 0, [number, cleanTitle(heading[2] ?? '')]);
    listed.add(number);
  }
  return sections;
}

/** The title without dot leaders and page number, on one line. */
function cleanTitle(title) {
  return title.replace(LEADERS_AND_PAGE, '').replace(/\s+/g, ' ').trim();
}

/**
 * The document's title: the last block of lines before the first heading, "Abstract" or (in RFCs of the 1990s
 * such as RFC 2617, where it comes first) "Status of this Memo"; the header block comes before it. Without
 * the draft name a draft prints under the title.
 * @param {string} text
 */
export function parseTextTitle(text) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const heading = lines.findIndex((line) => /^(?:Abstract|Status of [Tt]his Memo)\s*$/.test(line));
  if (heading < 0) throw new Error('no "Abstract" or "Status of This Memo" line');
  const before = lines.slice(0, heading).map((line) => line.trim());
  while (before.at(-1) === '') before.pop();
  const blank = before.lastIndexOf('');
  const title = before.slice(blank + 1).filter((line) => !/^draft-/.test(line));
  if (title.length === 0) throw new Error('no title before the first heading');
  return title.join(' ');
}
