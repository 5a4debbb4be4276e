// Reads an RFC's section table from its xml2rfc source (v2 `<section title="...">` or v3 `<section><name>`),
// numbering the sections the way xml2rfc does when it renders the RFC: <middle> counts 1, 2, 3 and nests
// 3.1, 3.1.1; <back> continues with the references (one "References" section, its parts numbered under
// it) and then the appendices, lettered A, B and nested A.1. Sections marked numbered="false" (or "no")
// are not numbered, and neither is anything inside them. No XML library: the elements that matter are
// few, and a regular expression over the tags is enough once comments and CDATA are out of the way.

const TAG = /<(\/?)(middle|back|section|references|name)\b([^>]*?)(\/?)>/g;

/**
 * The numbered sections of the RFC in `xml`, in document order, as [number, title] pairs.
 * @param {string} xml
 * @returns {[string, string][]}
 */
export function parseXmlSections(xml) {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  /** @type {[string, string][]} */
  const sections = [];
  /** Per open <section>/<references>: its number (undefined when unnumbered) and how many children it has numbered. */
  const open = [];
  let part = /** @type {'front' | 'middle' | 'back'} */ ('front');
  const top = { middle: 0, appendix: 0, references: /** @type {{ number: string, children: number } | undefined} */ (undefined) };
  let pendingName; // the entry whose title is the next <name>

  for (const tag of text.matchAll(TAG)) {
    const [whole, closing, element, attributes = '', selfClosing] = tag;
    if (element === 'middle' || element === 'back') {
      if (!closing) part = element;
      continue;
    }
    if (part === 'front') continue;
    if (element === 'name') {
      if (!closing && pendingName) {
        const end = text.indexOf('</name>', (tag.index ?? 0) + whole.length);
        pendingName[1] = titleText(text.slice((tag.index ?? 0) + whole.length, end));
        pendingName = undefined;
      }
      continue;
    }
    if (closing) {
      open.pop();
      continue;
    }
    const parent = open.at(-1);
    const title = attribute(attributes, 'title');
    const unnumbered = /^(?:false|no)$/.test(attribute(attributes, 'numbered') ?? '') || (parent !== undefined && parent.number === undefined);
    let number;
    if (element === 'references' && parent === undefined) {
      number = referencesNumber(text, (tag.index ?? 0) + whole.length, top, sections);
    } else if (unnumbered) {
      number = undefined;
    } else if (parent !== undefined) {
      number = `${parent.number}.${++parent.children}`;
    } else if (part === 'middle') {
      number = String(++top.middle);
    } else {
      number = String.fromCharCode('A'.charCodeAt(0) + top.appendix++);
    }
    if (number !== undefined) {
      const entry = /** @type {[string, string]} */ ([number, title === undefined ? '' : titleText(title)]);
      sections.push(entry);
      pendingName = title === undefined ? entry : undefined;
    }
    if (!selfClosing) open.push({ number, children: 0 });
  }
  const untitled = sections.find(([, title]) => title === '');
  if (untitled) throw new Error(`section ${untitled[0]} has no title`);
  return sections;
}

/**
 * The number of a <references> at the top of <back>. v3 writes the "References" section itself, as an
 * outer <references> around the groups: it takes the next number like any section. v2 lists the groups
 * side by side; xml2rfc numbers a lone group as the section itself and gathers two or more under one
 * "References" section (7. References, 7.1. Normative References, 7.2. Informative References).
 */
function referencesNumber(text, from, top, sections) {
  if (top.references !== undefined) return `${top.references.number}.${++top.references.children}`;
  const rest = text.slice(from);
  const end = rest.search(/<\/references>/);
  const isOuter = /<references\b/.test(rest.slice(0, end));
  const groups = (rest.match(/<references\b/g) ?? []).length + 1;
  if (isOuter || groups === 1) return String(++top.middle);
  top.references = { number: String(++top.middle), children: 0 };
  sections.push([top.references.number, 'References']);
  return `${top.references.number}.${++top.references.children}`;
}

/**
 * The RFC's title: <front>'s <title>.
 * @param {string} xml
 */
export function parseXmlTitle(xml) {
  const front = /<front>([\s\S]*?)<\/front>/.exec(xml)?.[1] ?? '';
  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/.exec(front)?.[1];
  if (title === undefined) throw new Error('no <title> in <front>');
  return titleText(title);
}

function attribute(attributes, name) {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? (match[1] ?? match[2]) : undefined;
}

// nbhy, wj and zwsp are xml2rfc's own (a non-breaking hyphen, a word joiner, a zero-width space): the RFC's
// text shows a plain hyphen for the first and nothing for the others ("urn:ietf:params:oauth:token&nbhy;type:jwt"
// in RFC 7519 §10.2 is "token-type" in the published contents).
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', nbhy: '-', wj: '', zwsp: '' };

/** Markup removed, entities decoded, whitespace collapsed. */
function titleText(markup) {
  return markup
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal) => String.fromCodePoint(Number(decimal)))
    .replace(/&(\w+);/g, (entity, name) => ENTITIES[name] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}
