import path from 'node:path';
import * as z from 'zod';
import { ContentDataError, readDataFile } from '@/lib/content/data-file';
import { findRfcSection, rfcSectionNumber } from '@/lib/content/rfc-sections';

// The RFC text that decides each compatibility case (issue 21: "each cell opening the exchange ... and the
// RFC text that decides it"): per cited section, the passages the case pages quote, kept as data in
// content/compat/rfc-excerpts.yaml. Each passage is the RFC's own words, checked against the text its table
// in content/rfc records by scripts/rfc-excerpts.mjs; here, at load, each must name a known section once.

export const RFC_EXCERPTS_FILE = path.join(process.cwd(), 'content', 'compat', 'rfc-excerpts.yaml');

const excerptSchema = z
  .object({
    rfc: z.number().int().positive(),
    section: rfcSectionNumber,
    passages: z.array(z.string().trim().min(1)).min(1),
  })
  .strict();

export const rfcExcerptsFileSchema = z.object({ excerpts: z.array(excerptSchema) }).strict();
export type RfcExcerpt = z.output<typeof excerptSchema>;

export function loadRfcExcerpts(file: string = RFC_EXCERPTS_FILE): RfcExcerpt[] {
  const { excerpts } = readDataFile(file, rfcExcerptsFileSchema);
  const seen = new Set<string>();
  const problems = excerpts.flatMap(({ rfc, section }, index) => {
    const key = `${rfc} §${section}`;
    const repeated = seen.has(key) ? [`excerpts[${index}]: RFC ${key} is listed twice`] : [];
    seen.add(key);
    return findRfcSection(rfc, section) === undefined ? [...repeated, `excerpts[${index}]: RFC ${rfc} has no section ${section}`] : repeated;
  });
  if (problems.length > 0) throw new ContentDataError(`${path.basename(file)}:\n  ${problems.join('\n  ')}`);
  return excerpts;
}

export const RFC_EXCERPTS: readonly RfcExcerpt[] = loadRfcExcerpts();

/** The passages of `rfc` §`section` the case pages quote, or undefined when none is kept. */
export function findRfcExcerpt(rfc: number, section: string): readonly string[] | undefined {
  return RFC_EXCERPTS.find((e) => e.rfc === rfc && e.section === section)?.passages;
}
