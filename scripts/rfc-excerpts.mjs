// Checks content/compat/rfc-excerpts.yaml, the RFC passages the client case pages quote, against the RFCs'
// own texts: each passage must appear word for word in the text content/rfc/rfcNNNN.json names (its
// source, by sha256), once markup, page breaks and line ends are set aside. The texts are not kept in the
// repository (see scripts/rfc-sections.mjs): fetch them from the addresses the tables record. Usage:
//
//   node scripts/rfc-excerpts.mjs <folder>     with rfcNNNN.txt / .xml / .md files in <folder>
//
// Every excerpt whose RFC has a text in the folder is checked; the others are listed as not checked.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', nbhy: '-', wj: '', zwsp: '' };

/** An RFC's text as prose: xml2rfc markup and BCP 14 entities (&MUST-NOT;) resolved, plain text's page breaks dropped, whitespace collapsed. */
export function proseOf(text, format) {
  let prose = text;
  if (format === 'xml') {
    prose = prose
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#(\d+);/g, (_, decimal) => String.fromCodePoint(Number(decimal)))
      .replace(/&([A-Z][A-Z-]*);/g, (_, name) => name.replace(/-/g, ' '))
      .replace(/&(\w+);/g, (entity, name) => ENTITIES[name] ?? entity);
  } else {
    // The RFC Editor's plain text: a page's footer, form feed and the next page's header sit inside sentences.
    prose = prose
      .split('\n')
      .filter((line) => !/\[Page \d+\]\s*$/.test(line) && !/^RFC \d+ .*\b\d{4}\s*$/.test(line))
      .join('\n')
      .replace(/\f/g, ' ');
  }
  return normalise(prose);
}

/** Whitespace collapsed, and a space before punctuation (left by removed markup) dropped. */
export function normalise(text) {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:)])/g, '$1')
    .replace(/\( /g, '(')
    .trim();
}

/**
 * The excerpts that are not in their RFC's text, and the RFCs that had no text in `folder`.
 * @param {Array<{ rfc: number, section: string, passages: string[] }>} excerpts
 * @param {string} folder
 * @param {string} [rfcDir]
 */
export function checkExcerpts(excerpts, folder, rfcDir = path.join(ROOT, 'content', 'rfc')) {
  const texts = new Map();
  const problems = [];
  const unchecked = new Set();
  for (const name of fs.readdirSync(folder)) {
    const match = /^rfc([1-9]\d*)\.(txt|xml|md)$/.exec(name);
    if (!match) continue;
    const raw = fs.readFileSync(path.join(folder, name), 'utf8');
    const table = JSON.parse(fs.readFileSync(path.join(rfcDir, `rfc${match[1]}.json`), 'utf8'));
    const sha256 = crypto.createHash('sha256').update(raw, 'utf8').digest('hex');
    if (table.source?.sha256 !== sha256) {
      problems.push(`${name}: not the text content/rfc/rfc${match[1]}.json records (sha256 ${sha256})`);
      continue;
    }
    texts.set(Number(match[1]), proseOf(raw, match[2]));
  }
  for (const { rfc, section, passages } of excerpts) {
    const prose = texts.get(rfc);
    if (prose === undefined) {
      unchecked.add(rfc);
      continue;
    }
    for (const passage of passages) {
      if (!prose.includes(normalise(passage))) problems.push(`RFC ${rfc} §${section}: not in the RFC's text: "${passage.slice(0, 80)}…"`);
    }
  }
  return { problems, unchecked: [...unchecked].sort((a, b) => a - b) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: node scripts/rfc-excerpts.mjs <folder of rfcNNNN.txt/.xml/.md>');
    process.exit(2);
  }
  const { excerpts } = parse(fs.readFileSync(path.join(ROOT, 'content', 'compat', 'rfc-excerpts.yaml'), 'utf8'));
  const { problems, unchecked } = checkExcerpts(excerpts, folder);
  for (const problem of problems) console.error(problem);
  if (unchecked.length > 0) console.log(`not checked (no text in ${folder}): RFC ${unchecked.join(', RFC ')}`);
  console.log(problems.length === 0 ? `every excerpt checked is in its RFC (${excerpts.length} sections)` : `${problems.length} problems`);
  process.exit(problems.length === 0 ? 0 : 1);
}
