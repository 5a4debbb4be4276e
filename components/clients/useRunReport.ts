'use client';

import { useEffect, useState } from 'react';
import { readRun, type RunReportView } from '@/lib/clients/run-api';
import { runSettled } from '@/lib/clients/run-progress';
import { runPath } from '@/lib/sandbox/routes/paths';

// A run's report as the lab keeps grading it: read at once, then again every POLL_MS while a case is still
// pending and the run has not expired. One timer at most, cleared when the page goes, the run id changes
// or the reader asks again.

export const POLL_MS = 3000;

export type ReportState =
  | { kind: 'loading' }
  | { kind: 'ready'; report: RunReportView; watching: boolean }
  /** 404: the run never existed or has expired (the lab keeps a run an hour). */
  | { kind: 'gone'; message: string }
  | { kind: 'failed'; message: string; report?: RunReportView };

const LOADING: ReportState = { kind: 'loading' };

function reportIn(state: ReportState | undefined): RunReportView | undefined {
  return state?.kind === 'ready' || state?.kind === 'failed' ? state.report : undefined;
}

export function useRunReport(id: string | undefined): { state: ReportState; refresh: () => void } {
  // The state is kept with the run it belongs to: another id reads as loading until its first answer.
  const [seen, setSeen] = useState<{ id: string; state: ReportState } | undefined>(undefined);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (id === undefined) return;
    let timer: number | undefined;
    let cancelled = false;
    async function read(runId: string) {
      const answer = await readRun(runPath(runId));
      if (cancelled) return;
      if (answer.kind === 'ok') {
        const watching = !runSettled(answer.value, Date.now());
        setSeen({ id: runId, state: { kind: 'ready', report: answer.value, watching } });
        if (watching) timer = window.setTimeout(() => void read(runId), POLL_MS);
      } else if (answer.kind === 'refused' && answer.status === 404) {
        setSeen({ id: runId, state: { kind: 'gone', message: answer.message } });
      } else {
        // A failed read stops the polling (the last report stays on the page); "Check again" asks once more.
        setSeen((before) => ({
          id: runId,
          state: { kind: 'failed', message: answer.message, report: before?.id === runId ? reportIn(before.state) : undefined },
        }));
      }
    }
    void read(id);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [id, asked]);

  const state = seen !== undefined && seen.id === id ? seen.state : LOADING;
  return { state, refresh: () => setAsked((n) => n + 1) };
}
