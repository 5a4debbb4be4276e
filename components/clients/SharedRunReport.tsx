'use client';

import { SiteLink } from '@/components/layout/SiteLink';
import { expiryWords } from '@/lib/clients/run-progress';
import { reportStatusSentence } from './ReportStatus';
import { RunCases } from './RunCases';
import { useRunReport } from './useRunReport';

/** A run's report at a link of its own (GET the run, in the browser): what anyone with the link sees until it expires. */
export function SharedRunReport({ id }: { id: string }) {
  const { state, refresh } = useRunReport(id);
  const report = state.kind === 'ready' ? state.report : state.kind === 'failed' ? state.report : undefined;
  return (
    <div>
      <p role="status" className="text-sm">
        {reportStatusSentence(state)}
      </p>
      {state.kind === 'gone' ? (
        <p className="mt-3">
          A run lasts an hour, and the lab keeps it in memory only.{' '}
          <SiteLink href="/clients/test" className="text-accent underline underline-offset-4">
            Start a new run
          </SiteLink>{' '}
          to test your client again.
        </p>
      ) : null}
      {state.kind === 'failed' ? (
        <button type="button" className="mt-3 rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-surface" onClick={refresh}>
          Check the report again
        </button>
      ) : null}
      {report ? (
        <>
          <p className="mt-3 text-sm">
            Started <time dateTime={report.createdAt}>{expiryWords(report.createdAt)}</time>; the link works until{' '}
            <time dateTime={report.expiresAt}>{expiryWords(report.expiresAt)}</time>.
          </p>
          <h2 className="mt-6 text-xl font-bold">The cases</h2>
          <RunCases cases={report.cases} graded={report.cases} />
        </>
      ) : null}
    </div>
  );
}
