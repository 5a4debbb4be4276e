import type { CaseGroup, CompatCase } from './case-schema';
import type { CaseResult, ClientResults } from './results-schema';

// The /clients matrix as data: the cases in their groups, and each client's result for each case, so the
// page only lays it out. A case a client's file does not cover yet (added since its run) shows as pending.

export const GROUP_TITLES: Record<CaseGroup, string> = {
  'challenge-syntax': 'Reading challenges',
  basic: 'Basic',
  digest: 'Digest',
  bearer: 'Bearer',
  status: 'No usable challenge',
  proxy: 'A proxy, then the origin',
  redirect: 'Redirects',
  connection: 'NTLM and Negotiate',
};

export type MatrixGroup = { group: CaseGroup; title: string; cases: CompatCase[] };

export function matrixGroups(cases: readonly CompatCase[]): MatrixGroup[] {
  const groups = [...new Set(cases.map((c) => c.group))];
  return groups.map((group) => ({ group, title: GROUP_TITLES[group], cases: cases.filter((c) => c.group === group) }));
}

/** The matrix filtered to one group: a static page of its own, so the filter needs no script. */
export function clientsGroupHref(group: CaseGroup): string {
  return `/clients/groups/${group}`;
}

const PENDING: Omit<CaseResult, 'id'> = {
  verdict: 'pending',
  explanation: 'Not measured yet: the case is newer than this client’s results (run npm run compat).',
  requests: [],
  note: 'No run.',
};

export function resultFor(client: ClientResults, caseId: string): CaseResult {
  return client.cases.find((c) => c.id === caseId) ?? { id: caseId, ...PENDING };
}

/** The section title an RFC citation links to, as RFC Editor's HTML names it. */
export function rfcHref(rfc: number, section: string): string {
  return `https://www.rfc-editor.org/rfc/rfc${rfc}#section-${section}`;
}

/**
 * A client's version as a column heading or a lesson shows it: the first version number of the string the
 * client reported ("OpenJDK Runtime Environment 17.0.15+6-Debian-1deb12u1" → "17.0.15"), which is the
 * client's own. The full string stays on the case pages and in the matrix's "How it was measured".
 */
export function shortVersion(version: string): string {
  return /\d+(?:\.\d+)+/.exec(version)?.[0] ?? version;
}
