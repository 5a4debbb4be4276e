// Writes content/rfc/rfcNNNN.json, the section tables that lesson citations are checked against
// (lib/content/rfc-sections.ts), from the RFCs' own texts instead of memory: a table typed by hand had nine
// wrong entries. Usage:
//
//   node scripts/rfc-sections.mjs <folder>           write a table for each rfcNNNN.txt / .xml / .md in it
//   node scripts/rfc-sections.mjs <folder> --check   change nothing; fail if a table differs from its text
//
// Each file must be listed in scripts/rfc-sources.json with the address it was downloaded from; the table
// records that address and the file's sha256, so anyone can fetch the same bytes and rerun this. The texts
// are not kept in the repository (2 MB for 11 RFCs): the hashes say which ones to fetch.
//
// A source listed with `checked` (["1", "2", "3", "4"]) is not the RFC but the nearest text that could be
// verified, such as the approved draft, and is trusted for those sections only: the table keeps its other
// entries and its title as typed by hand, takes the draft's entries under the checked sections that it
// lacks, and every difference inside them is reported; a title that differs, or a section the draft does not
// have, is kept as it is and fails `--check` until someone decides.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMarkdownSections, parseMarkdownTitle } from './rfc-sections/parse-markdown.mjs';
import { parseTextSections, parseTextTitle } from './rfc-sections/parse-text.mjs';
import { parseXmlSections, parseXmlTitle } from './rfc-sections/parse-xml.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SOURCE_FILE = /^rfc([1-9]\d*)\.(txt|xml|md)$/;
const PARSERS = {
  txt: [parseTextTitle, parseTextSections],
  xml: [parseXmlTitle, parseXmlSections],
  md: [parseMarkdownTitle, parseMarkdownSections],
};

/**
 * The table for one RFC text, in the shape content/rfc/rfcNNNN.json has.
 * @param {string} text the RFC as plain text, xml2rfc XML or kramdown-rfc markdown
 * @param {'txt' | 'xml' | 'md'} format
 * @param {{ url: string, kind: string }} origin where the text came from
 */
export function sectionTable(text, format, origin) {
  const [parseTitle, parseSections] = PARSERS[format];
  const sha256 = crypto.createHash('sha256').update(text, 'utf8').digest('hex');
  return { title: parseTitle(text), source: { url: origin.url, kind: origin.kind, sha256 }, sections: parseSections(text) };
}

/**
 * A hand-typed table checked against a text that is not the RFC (origin.checked names the top-level sections
 * it is trusted for): the table with the text's entries under those sections that it lacks, its own entries
 * and title otherwise, and the differences found inside the checked sections.
 * @param {{ title: string, sections: [string, string][] }} hand the table as it is
 * @param {string} text
 * @param {'txt' | 'xml' | 'md'} format
 * @param {{ url: string, kind: string, checked: string[] }} origin
 */
export function checkedTable(hand, text, format, origin) {
  const inChecked = (number) => origin.checked.some((top) => number === top || number.startsWith(`${top}.`));
  const fromText = sectionTable(text, format, origin);
  const theirs = new Map(fromText.sections.filter(([number]) => inChecked(number)));
  const ours = new Map(hand.sections.filter(([number]) => inChecked(number)));
  /** @type {string[]} */
  const differences = [];
  for (const [number, title] of theirs) {
    if (!ours.has(number)) differences.push(`§${number} "${title}" is in the text, not in the table`);
    else if (ours.get(number) !== title) differences.push(`§${number} is "${ours.get(number)}" in the table, "${title}" in the text`);
  }
  for (const [number, title] of ours) if (!theirs.has(number)) differences.push(`§${number} "${title}" is in the table, not in the text`);
  const merged = [...new Map([...theirs, ...ours])].sort(([a], [b]) => compareNumbers(a, b));
  const first = hand.sections.findIndex(([number]) => inChecked(number));
  const rest = hand.sections.filter(([number]) => !inChecked(number));
  const at = first < 0 ? rest.length : first;
  if (hand.sections.slice(at, at + ours.size).some(([number]) => !inChecked(number)))
    throw new Error(`the checked sections (${origin.checked.join(', ')}) must be together in the table`);
  const sections = [...rest.slice(0, at), ...merged, ...rest.slice(at)];
  const source = { ...fromText.source, checked: origin.checked };
  return { table: { title: hand.title, source, sections }, differences, textTitle: fromText.title };
}

/** "4.10" after "4.9", "B" after "12": numbers compare part by part, letters after digits. */
function compareNumbers(a, b) {
  const as = a.split('.');
  const bs = b.split('.');
  for (let index = 0; index < Math.min(as.length, bs.length); index++) {
    const [x = '', y = ''] = [as[index], bs[index]];
    if (x === y) continue;
    if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(x) - Number(y);
    return /^\d+$/.test(x) ? -1 : /^\d+$/.test(y) ? 1 : x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

/** One entry a line, as the hand-written files were: a table stays reviewable in a diff. */
export function tableJson(table) {
  const sections = table.sections.map(([number, title]) => `    [${JSON.stringify(number)}, ${JSON.stringify(title)}]`).join(',\n');
  const value = (item) => (Array.isArray(item) ? `[${item.map((element) => JSON.stringify(element)).join(', ')}]` : JSON.stringify(item));
  const source = `{\n${Object.entries(table.source)
    .map(([key, item]) => `    ${JSON.stringify(key)}: ${value(item)}`)
    .join(',\n')}\n  }`;
  return `{\n  "title": ${JSON.stringify(table.title)},\n  "source": ${source},\n  "sections": [\n${sections}\n  ]\n}\n`;
}

function main([folder, flag]) {
  if (!folder || (flag !== undefined && flag !== '--check')) {
    console.error('usage: node scripts/rfc-sections.mjs <folder of rfcNNNN.txt|xml|md> [--check]');
    return 2;
  }
  const origins = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts/rfc-sources.json'), 'utf8'));
  let failures = 0;
  for (const name of fs.readdirSync(folder).sort()) {
    const match = SOURCE_FILE.exec(name);
    if (!match) continue;
    const [, rfc, format] = match;
    const origin = origins[rfc];
    if (!origin) throw new Error(`${name}: list it in scripts/rfc-sources.json with the address it came from`);
    const text = fs.readFileSync(path.join(folder, name), 'utf8');
    const target = path.join(ROOT, 'content/rfc', `rfc${rfc}.json`);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    let json;
    let differences = [];
    if (origin.checked) {
      if (!current) throw new Error(`${name} is checked against content/rfc/rfc${rfc}.json, which does not exist`);
      const checked = checkedTable(JSON.parse(current), text, format, origin);
      json = tableJson(checked.table);
      differences = checked.differences;
      console.log(`rfc${rfc}: §${origin.checked.join(', §')} checked against ${name}; the title and the other sections are typed by hand`);
      if (checked.textTitle !== checked.table.title)
        console.log(`  title not checked: the table's is "${checked.table.title}", the text's "${checked.textTitle}"`);
      for (const difference of differences) console.log(`  ${difference}`);
    } else {
      json = tableJson(sectionTable(text, format, origin));
    }
    if (flag === '--check') {
      if (current !== json || differences.length > 0) failures++;
      console.log(`${current === json && differences.length === 0 ? 'same' : 'DIFFERS'}  content/rfc/rfc${rfc}.json  (from ${name})`);
    } else {
      fs.writeFileSync(target, json);
      console.log(`wrote content/rfc/rfc${rfc}.json  (${JSON.parse(json).sections.length} sections from ${name})`);
    }
  }
  return failures === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
