import path from 'node:path';
import { ContentDataError, readDataFile } from '@/lib/content/data-file';
import { findRfcSection, RFC_SECTIONS } from '@/lib/content/rfc-sections';
import { type CompatCase, compatCasesFileSchema } from './case-schema';

// The client-compatibility cases, read from content/compat/cases.yaml once, on the server (the run API,
// `npm run compat`, the /clients page, the tests). A bad edit is refused at load with the file, line, case
// and field, so it fails the build and the tests rather than a client's run later.

export const COMPAT_CASES_FILE = path.join(process.cwd(), 'content', 'compat', 'cases.yaml');

/** Every citation must name a section of an RFC the lab keeps a table for (content/rfc/). */
function citationProblems(cases: readonly CompatCase[]): string[] {
  return cases.flatMap((c) =>
    c.citations.flatMap((citation, index) => {
      const where = `cases: "${c.id}" citations[${index}]`;
      if (!Object.hasOwn(RFC_SECTIONS, citation.rfc)) return [`${where}: RFC ${citation.rfc} has no table in content/rfc/`];
      return findRfcSection(citation.rfc, citation.section) === undefined ? [`${where}: RFC ${citation.rfc} has no section ${citation.section}`] : [];
    }),
  );
}

export function loadCompatCases(file: string = COMPAT_CASES_FILE): CompatCase[] {
  const { cases } = readDataFile(file, compatCasesFileSchema);
  const problems = citationProblems(cases);
  if (problems.length > 0) throw new ContentDataError(`${path.basename(file)} cites sections that do not exist:\n  ${problems.join('\n  ')}`);
  return cases;
}

export const COMPAT_CASES: readonly CompatCase[] = loadCompatCases();

export function findCompatCase(id: string, cases: readonly CompatCase[] = COMPAT_CASES): CompatCase | undefined {
  return cases.find((c) => c.id === id);
}
