import { runCasePath, runPath } from '@/lib/sandbox/routes/paths';
import type { CompatCase } from './case-schema';
import { gradeCase, type CaseGrade } from './grade';
import type { CaseObservation } from './observation';
import type { Run } from './run-store';

// What a run says about the client under test: per case, the requests the lab saw (their shape only) and
// the verdict gradeCase draws from them, with a summary a page or a script can show at once.

export type RunCase = {
  id: string;
  title: string;
  group: string;
  url: string;
  /** What to configure the client with for this case (the lab's own test users, never real ones). */
  credentials: { username: string; password: string; token?: string };
  request: { method: string; body?: string };
};

export type RunReport = {
  id: string;
  url: string;
  createdAt: string;
  expiresAt: string;
  summary: Record<CaseGrade['verdict'], number>;
  cases: Array<RunCase & CaseGrade & { requests: CaseObservation[]; dropped: number }>;
};

export function runCase(run: Pick<Run, 'id' | 'origin'>, compatCase: CompatCase): RunCase {
  return {
    id: compatCase.id,
    title: compatCase.title,
    group: compatCase.group,
    url: `${run.origin}${runCasePath(run.id, compatCase.id)}`,
    credentials: compatCase.credentials,
    request: compatCase.request,
  };
}

export function runReport(run: Run, cases: readonly CompatCase[]): RunReport {
  const summary: RunReport['summary'] = { follows: 0, differs: 0, fails: 0, pending: 0 };
  const graded = run.caseIds.flatMap((id) => {
    const compatCase = cases.find((c) => c.id === id);
    if (!compatCase) return [];
    const requests = run.observations.get(id) ?? [];
    const grade = gradeCase(compatCase, requests);
    summary[grade.verdict] += 1;
    return [{ ...runCase(run, compatCase), ...grade, requests, dropped: run.dropped.get(id) ?? 0 }];
  });
  return {
    id: run.id,
    url: `${run.origin}${runPath(run.id)}`,
    createdAt: new Date(run.createdAt).toISOString(),
    expiresAt: new Date(run.expiresAt).toISOString(),
    summary,
    cases: graded,
  };
}

/**
 * The lab under another origin, for the cross-origin redirect case: the same server reached by its other
 * loopback name (RFC 6454 §4: another host is another origin). A deployment with one public name has none.
 */
export function otherLabOrigin(origin: string): string | undefined {
  if (!URL.canParse(origin)) return undefined;
  const url = new URL(origin);
  const other = url.hostname === 'localhost' ? '127.0.0.1' : url.hostname === '127.0.0.1' || url.hostname === '[::1]' ? 'localhost' : undefined;
  if (!other) return undefined;
  url.hostname = other;
  return url.origin;
}
