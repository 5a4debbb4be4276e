'use client';

import type { ReactNode } from 'react';
import type { Transcript } from '@/lib/sandbox/exchange/input';
import { TranscriptSequenceDiagram } from './TranscriptSequenceDiagram';
import { TranscriptView } from './ExchangeStepView';
import { OAuthRunDetails } from './OAuthRunDetails';

// What the result area shows: an HTTP 401 from the sandbox is a result (kind 'done'), never a
// failure; 'failed' is for the lab itself being unreachable or refusing the description.
export type SendState =
  { kind: 'idle' } | { kind: 'sending' } | { kind: 'done'; transcript: Transcript; elapsedMs: number } | { kind: 'failed'; message: string };

export type HistoryEntry = { id: number; label: string; transcript: Transcript };

function summary(transcript: Transcript): string {
  const statuses = transcript.steps.map((step) => step.response.status).join(' → ');
  return `${transcript.steps.length} ${transcript.steps.length === 1 ? 'request' : 'requests'}: ${statuses}`;
}

export function ResultPanel({
  send,
  history,
  headingRef,
  onShow,
  answer,
}: {
  send: SendState;
  history: HistoryEntry[];
  /** The playground moves focus here after a send (tabIndex -1: focusable by script, not a tab stop). */
  headingRef?: React.Ref<HTMLHeadingElement>;
  onShow: (entry: HistoryEntry) => void;
  /** What the reader can do about the last response (manual mode's "Answer this challenge"); outside the live region, which would read every keystroke of it. */
  answer?: ReactNode;
}) {
  return (
    <section aria-labelledby="result-heading" className="min-w-0">
      <h2 id="result-heading" ref={headingRef} tabIndex={-1} className="text-lg font-bold">
        Result
      </h2>
      <div aria-live="polite" aria-busy={send.kind === 'sending'} className="mt-2 space-y-4">
        {send.kind === 'idle' ? <p className="text-sm text-muted">Send the request to see the whole conversation here.</p> : null}
        {send.kind === 'sending' ? <p className="text-sm">Sending…</p> : null}
        {send.kind === 'failed' ? (
          <p role="alert" className="rounded border-l-4 border-rose-600 bg-surface px-3 py-2 text-sm">
            <span className="font-semibold">Not sent: </span>
            {send.message}
          </p>
        ) : null}
        {send.kind === 'done' ? (
          <>
            <p className="text-sm font-medium">
              {summary(send.transcript)} <span className="font-normal text-muted">({send.elapsedMs} ms)</span>
            </p>
            <TranscriptSequenceDiagram transcript={send.transcript} idPrefix="playground" label="Playground conversation" />
            <TranscriptView steps={send.transcript.steps} idPrefix="playground" />
          </>
        ) : null}
      </div>
      {send.kind === 'done' && answer ? <div className="mt-4">{answer}</div> : null}
      {/* Outside the live region: the helper's field would otherwise be read out at every keystroke. */}
      {send.kind === 'done' && send.transcript.mode === 'oauth' ? (
        <div className="mt-4">
          <OAuthRunDetails transcript={send.transcript} />
        </div>
      ) : null}
      {history.length > 0 ? (
        <div className="mt-6">
          <h3 className="text-sm font-semibold">Recent sends (this page only)</h3>
          <ol className="mt-1 space-y-1 text-sm">
            {history.map((entry) => (
              <li key={entry.id} className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-xs">{entry.label}</span>
                <span className="text-muted">{summary(entry.transcript)}</span>
                <button type="button" onClick={() => onShow(entry)} className="rounded border border-line px-2 py-0.5 text-xs hover:bg-surface">
                  Show<span className="sr-only"> {entry.label}</span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}
