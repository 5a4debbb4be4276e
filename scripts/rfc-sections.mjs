// Writes content/rfc/rfcNNNN.json, the section tables that lesson citations are checked against
// (lib/content/rfc-sections.ts), from the RFCs' own texts instead of memory: a table typed by hand had nine
// wrong entries. Usage:
//
//   node scripts/rfc-sections.mjs <folder>           write a table for each rfcNNNN.txt / rfcNNNN.xml in it
//   node scripts/rfc-sections.mjs <folder> --check   change nothing; fail if a table differs from its text
//
// Each file must be listed in scripts/rfc-sources.json with the address it was downloaded from; the table
// records that address and the file's sha256, so anyone can fetch the same bytes and rerun this. The texts
// are not kept in the repository (2 MB for 11 RFCs): the hashes say which ones to fetch.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTextSections, parseTextTitle } from './rfc-sections/parse-text.mjs';
import { parseXmlSections, parseXmlTitle } from './rfc-sections/parse-xml.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SOURCE_FILE = /^rfc([1-9]\d*)\.(txt|xml)$/;

/**
 * The table for one RFC text, in the shape content/rfc/rfcNNNN.json has.
 * @param {string} text the RFC as plain text or xml2rfc XML
 * @param {'txt' | 'xml'} format
 * @param {{ url: string, kind: string }} origin where the text came from
 */
export function sectionTable(text, format, origin) {
  const title = format === 'xml' ? parseXmlTitle(text) : parseTextTitle(text);
  const sections = format === 'xml' ? parseXmlSections(text) : parseTextSections(text);
  const sha256 = crypto.createHash('sha256').update(text, 'utf8').digest('hex');
  return { title, source: { url: origin.url, kind: origin.kind, sha256 }, sections };
}

/** One entry a line, as the hand-written files were: a table stays reviewable in a diff. */
export function tableJson(table) {
  const sections = table.sections.map(([number, title]) => `    [${JSON.stringify(number)}, ${JSON.stringify(title)}]`).join(',\n');
  const source = JSON.stringify(table.source, null, 2).replace(/\n/g, '\n  ');
  return `{\n  "title": ${JSON.stringify(table.title)},\n  "source": ${source},\n  "sections": [\n${sections}\n  ]\n}\n`;
}

function main([folder, flag]) {
  if (!folder || (flag !== undefined && flag !== '--check')) {
    console.error('usage: node scripts/rfc-sections.mjs <folder of rfcNNNN.txt|xml> [--check]');
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
    const json = tableJson(sectionTable(fs.readFileSync(path.join(folder, name), 'utf8'), format, origin));
    const target = path.join(ROOT, 'content/rfc', `rfc${rfc}.json`);
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (flag === '--check') {
      if (current !== json) failures++;
      console.log(`${current === json ? 'same' : 'DIFFERS'}  content/rfc/rfc${rfc}.json  (from ${name})`);
    } else {
      fs.writeFileSync(target, json);
      console.log(`wrote content/rfc/rfc${rfc}.json  (${JSON.parse(json).sections.length} sections from ${name})`);
    }
  }
  return failures === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
