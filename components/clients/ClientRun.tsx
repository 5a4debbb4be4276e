'use client';

import { useEffect, useRef, useState } from 'react';
import { SiteLink } from '@/components/layout/SiteLink';
import { requestCase, type BrowserOutcome } from '@/lib/clients/browser-run';
import { startRun, type StartedRun } from '@/lib/clients/run-api';
import { expiryWords } from '@/lib/clients/run-progress';
import { RUNS_PATH } from '@/lib/sandbox/routes/paths';
import { reportStatusSentence } from './ReportStatus';
import { RunCases } from './RunCases';
import { useRunReport } from './useRunReport';

// "Test your own client" (issue 21): start a run, point any client at its cases (or let this browser be
// the client), and watch the lab's verdicts arrive.

type Start = { kind: 'idle' } | { kind: 'starting' } | { kind: 'refused'; message: string } | { kind: 'started'; run: StartedRun };
type BrowserRun = { kind: 'idle' } | { kind: 'running'; done: number } | { kind: 'done'; errors: number };

const button = 'rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60';

export function reportHref(id: string): string {
  return `/clients/runs/${encodeURIComponent(id)}`;
}

export function ClientRun() {
  const [start, setStart] = useState<Start>({ kind: 'idle' });
  const [browserRun, setBrowserRun] = useState<BrowserRun>({ kind: 'idle' });
  const [outcomes, setOutcomes] = useState<ReadonlyMap<string, BrowserOutcome>>(new Map());
  const run = start.kind === 'started' ? start.run : undefined;
  const { state, refresh } = useRunReport(run?.id);
  const heading = useRef<HTMLHeadingElement>(null);

  // A new run's content is below the button: take keyboard and screen reader users to it once it is there.
  useEffect(() => {
    if (run) heading.current?.focus();
  }, [run]);

  async function begin() {
    setStart({ kind: 'starting' });
    const answer = await startRun(RUNS_PATH);
    if (answer.kind !== 'ok') return setStart({ kind: 'refused', message: answer.message });
    setBrowserRun({ kind: 'idle' });
    setOutcomes(new Map());
    setStart({ kind: 'started', run: answer.value });
  }

  async function playInBrowser(cases: StartedRun['cases']) {
    let errors = 0;
    for (const [index, c] of cases.entries()) {
      setBrowserRun({ kind: 'running', done: index });
      const outcome = await requestCase(c);
      if (outcome.kind === 'network-error') errors += 1;
      setOutcomes((before) => new Map(before).set(c.id, outcome));
    }
    setBrowserRun({ kind: 'done', errors });
    refresh();
  }

  const status = run ? reportStatusSentence(state) : start.kind === 'refused' ? `The lab did not start a run: ${start.message}` : '';
  const browserStatus =
    browserRun.kind === 'running'
      ? `This browser is requesting the cases (${browserRun.done} of ${run?.cases.length ?? 0} done).`
      : browserRun.kind === 'done'
        ? `This browser requested every case${browserRun.errors > 0 ? `; ${browserRun.errors} ended in a network error` : ''}.`
        : '';
  const report = state.kind === 'ready' ? state.report : state.kind === 'failed' ? state.report : undefined;

  return (
    <div>
      <button type="button" className={button} onClick={begin} disabled={start.kind === 'starting' || browserRun.kind === 'running'}>
        {run ? 'Start a new run' : 'Start a run'}
      </button>
      {/* One polite region for the whole run: it speaks when a count changes, never per poll or per request. */}
      <p role="status" className="mt-3 text-sm">
        {status} {browserRun.kind === 'running' ? '' : browserStatus}
      </p>
      {run ? (
        <section aria-labelledby="run-heading" className="mt-6">
          <h2 id="run-heading" ref={heading} tabIndex={-1} className="text-xl font-bold break-words">
            Run <code className="font-mono break-all">{run.id}</code>
          </h2>
          <p className="mt-1 text-sm">
            It lasts until <time dateTime={run.expiresAt}>{expiryWords(run.expiresAt)}</time>; the lab keeps only the shape of each request (never a password or
            a token).
          </p>
          {run.unavailable.length > 0 ? (
            <div className="mt-3 text-sm">
              <p>Not in this run:</p>
              <ul className="list-disc pl-5">
                {run.unavailable.map((u) => (
                  <li key={u.id}>
                    <code className="font-mono break-all">{u.id}</code>: {u.reason}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="mt-4 rounded-md border border-line bg-surface p-3 text-sm">
            <p>
              <strong>Let this browser be the client.</strong> The page requests each case URL itself, and the browser answers each challenge as it would for
              any page. It may ask you for a user name and password: type <code className="font-mono">alice</code> and{' '}
              <code className="font-mono">wonderland</code>. A browser cannot send a Bearer token from its login dialog, so the token cases show what it does
              instead.
            </p>
            <button type="button" className={`${button} mt-3`} onClick={() => void playInBrowser(run.cases)} disabled={browserRun.kind === 'running'}>
              Run these cases in this browser
            </button>
            {browserRun.kind === 'running' ? <p className="mt-2">{browserStatus}</p> : null}
          </div>
          {state.kind === 'failed' ? (
            <button type="button" className="mt-3 rounded-md border border-line px-3 py-2 text-sm font-medium hover:bg-surface" onClick={refresh}>
              Check the report again
            </button>
          ) : null}
          <h3 className="mt-6 text-lg font-bold">The cases</h3>
          <RunCases cases={run.cases} graded={report?.cases} browser={outcomes} />
          <h3 className="mt-6 text-lg font-bold">Share the report</h3>
          <p className="mt-1 text-sm">
            The report lives at a link of its own until the run expires:{' '}
            <SiteLink href={reportHref(run.id)} className="text-accent underline underline-offset-4">
              the report of run {run.id}
            </SiteLink>
            .
          </p>
        </section>
      ) : null}
    </div>
  );
}
