import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { ContentDataError, displayPath, readDataFile } from './data-file';

// The section numbers (and titles) of the RFCs the lessons cite, so a citation such as
// https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2 or "RFC 9110 §15.5.2" can be checked to name a
// section that exists (tests/content, the troubleshooter). One file per RFC, content/rfc/rfcNNNN.json, of
// ["number", "title"] pairs in the RFC's order, written by scripts/rfc-sections.mjs from the RFC's text (its
// `source` says which text, by address and sha256), not typed from memory. Appendices use their letters
// ("A", "B.2"): "Appendix B.1" and #appendix-B.1 are looked up as "B.1".

export const RFC_DIR = path.join(process.cwd(), 'content', 'rfc');
const RFC_FILE = /^rfc([1-9]\d*)\.json$/;

/** "4.2.1", "15.5", "A", "B.2": the section numbers RFCs use, and the form every citation is written in. */
export const rfcSectionNumber = z
  .string({
    // YAML reads an unquoted 15.1 as a number (and 15.10 as 15.1): say how to write it.
    error: (issue) => (typeof issue.input === 'number' ? `must be a quoted string such as "${issue.input}": unquoted, YAML reads a number` : undefined),
  })
  .regex(/^(?:[A-Z]|\d+)(?:\.\d+)*$/, 'must be a section number such as "4.2.1" or "B.2"');

/**
 * Where a table came from: scripts/rfc-sections.mjs writes it, with the sha256 of the text it parsed. With
 * `checked`, the text is not the RFC and was compared for those top-level sections (and their subsections)
 * only: the title and the rest of the table are typed by hand.
 */
const rfcSourceSchema = z
  .object({
    url: z.url({ protocol: /^https$/ }),
    kind: z.string().min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 in hex'),
    checked: z.array(rfcSectionNumber).min(1).optional(),
  })
  .strict();

export const rfcTableSchema = z
  .object({
    title: z.string().min(1),
    // Optional only for a table no text was found for yet (tests/scripts/rfc-sections.test.ts lists them: none now).
    source: rfcSourceSchema.optional(),
    sections: z
      .array(z.tuple([rfcSectionNumber, z.string().min(1, 'must be the section title')]))
      .min(1)
      .superRefine((sections, context) => {
        const first = new Map<string, number>();
        sections.forEach(([number], index) => {
          const earlier = first.get(number);
          if (earlier === undefined) first.set(number, index);
          else context.addIssue({ code: 'custom', path: [index, 0], message: `section ${number} is already listed at sections[${earlier}]` });
        });
      }),
  })
  .strict();

export type SectionTable = { title: string; source?: z.output<typeof rfcSourceSchema>; sections: ReadonlyMap<string, string> };

/** Every content/rfc/rfcNNNN.json in `dir`, by RFC number; throws ContentDataError naming a bad file and entry. */
export function loadRfcSections(dir: string = RFC_DIR): Readonly<Record<number, SectionTable>> {
  const tables: Record<number, SectionTable> = {};
  for (const file of fs.readdirSync(/*turbopackIgnore: true*/ dir).filter((name) => name.endsWith('.json')).sort()) {
    // The comment keeps Turbopack from tracing the whole project for a path it cannot resolve statically.
    const full = path.join(/*turbopackIgnore: true*/ dir, file);
    const rfc = RFC_FILE.exec(file)?.[1];
    if (rfc === undefined) throw new ContentDataError(`${displayPath(full)}: name each RFC's table rfcNNNN.json, after the RFC's number`);
    const { title, source, sections } = readDataFile(full, rfcTableSchema);
    tables[Number(rfc)] = { title, ...(source && { source }), sections: new Map(sections) };
  }
  return tables;
}

export const RFC_SECTIONS = loadRfcSections();

/** The title of `section` ("15.5.2", "B.1") in RFC `rfc`, or undefined when either is unknown. */
export function findRfcSection(rfc: number, section: string): string | undefined {
  return RFC_SECTIONS[rfc]?.sections.get(section);
}
