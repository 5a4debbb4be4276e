import type { CaseVerdict } from '@/lib/compat/grade';
import type { RunReportView } from './run-api';

// How far a run has got, in words a live region can read out once per change (not once per poll), and
// when a page should stop asking: every case graded, or the run gone (RUN_LIMITS.lifetimeMs).

export const VERDICT_WORDS: Record<CaseVerdict, string> = {
  follows: 'Follows the RFCs',
  differs: 'Differs (legal)',
  fails: 'Fails',
  pending: 'Pending',
};

export function progressSentence(summary: RunReportView['summary']): string {
  const total = summary.follows + summary.differs + summary.fails + summary.pending;
  const graded = total - summary.pending;
  if (graded === 0) return `No case graded yet: the lab has seen no request for any of the ${total} cases.`;
  return `${graded} of ${total} cases graded: ${summary.follows} follow the RFCs, ${summary.differs} differ, ${summary.fails} fail.`;
}

/** Whether polling the report can still change what it shows. */
export function runSettled(report: Pick<RunReportView, 'summary' | 'expiresAt'>, now: number): boolean {
  return report.summary.pending === 0 || Date.parse(report.expiresAt) <= now;
}

/** The expiry as a reader sees it: a time of day in their own zone, and the instant for <time dateTime>. */
export function expiryWords(expiresAt: string): string {
  const at = new Date(expiresAt);
  return Number.isNaN(at.getTime()) ? expiresAt : at.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
