'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { RecordingAnalysis } from '@/lib/har';
import { revealAndFocus } from '@/components/playground/reveal';
import type { Analyser, AnalyserEvent, AnalyserFactory } from './protocol';
import type { Revealed } from './RedactedValues';
import { type TrafficReport, reportFromFragment } from './report';
import { ReportView } from './ReportView';

// "Troubleshoot your own traffic": a HAR (chosen, dropped or pasted) or curl -v output goes to the analyser,
// which reads and redacts it off the page's thread; the page shows progress, can cancel, and then draws the
// diagnosis and the conversations. Nothing is uploaded. A `#report=` fragment opens a shared report instead.

type Progress = Extract<AnalyserEvent, { kind: 'progress' }>;

type State =
  | { kind: 'empty' }
  | { kind: 'working'; name: string; progress?: Progress }
  | { kind: 'cancelled'; name: string }
  | { kind: 'failed'; name: string; message: string }
  | { kind: 'unreadable'; name: string; analysis: Extract<RecordingAnalysis, { kind: 'unreadable' }> }
  | { kind: 'results'; name: string; report: TrafficReport; revealed: Revealed }
  | { kind: 'shared'; report: TrafficReport }
  | { kind: 'broken-link'; message: string };

const PHASE_WORDS: Record<Progress['phase'], string> = { loading: 'Loading the file', reading: 'Reading the exchanges', redacting: 'Redacting the secrets' };

const BUTTON = 'rounded-md border border-line px-3 py-1.5 text-sm font-semibold hover:bg-surface';

export function TrafficAnalyser({ createAnalyser }: { createAnalyser: AnalyserFactory }) {
  const [state, setState] = useState<State>({ kind: 'empty' });
  const [pasted, setPasted] = useState('');
  const [dragging, setDragging] = useState(false);
  const analyser = useRef<Analyser | undefined>(undefined);
  const busy = useRef(false);
  const jobName = useRef('');
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const fileId = useId();
  const pasteId = useId();
  const progressId = useId();

  // A shared report lives in the fragment: read once, in the browser, with no request.
  useEffect(() => {
    let current = true;
    void reportFromFragment(window.location.hash).then((opened) => {
      if (!current) return;
      if (opened.kind === 'report') setState({ kind: 'shared', report: opened.report });
      if (opened.kind === 'broken') setState({ kind: 'broken-link', message: opened.message });
    });
    return () => {
      current = false;
    };
  }, []);

  // The worker is started before the reader chooses a file, and kept between analyses: loading its script is
  // then no request made while a recording is open, which a reader watching the Network panel can check.
  function startAnalyser(): Analyser {
    const own = createAnalyser((event) => {
      if (analyser.current !== own) return;
      const name = jobName.current;
      switch (event.kind) {
        case 'progress':
          setState((s) => (s.kind === 'working' ? { ...s, progress: event } : s));
          return;
        case 'report':
          busy.current = false;
          setState({ kind: 'results', name, report: event.report, revealed: {} });
          return;
        case 'unreadable':
          busy.current = false;
          setState({ kind: 'unreadable', name, analysis: event.unreadable });
          return;
        case 'failed':
          busy.current = false;
          // A worker that crashed answers nothing more: the next recording gets a new one.
          own.terminate();
          startAnalyser();
          setState({ kind: 'failed', name, message: event.message });
          return;
        case 'revealed':
          setState((s) =>
            s.kind === 'results'
              ? { ...s, revealed: { ...s.revealed, [event.id]: event.value === undefined ? { kind: 'unknown' } : { kind: 'shown', value: event.value } } }
              : s,
          );
          return;
      }
    });
    analyser.current = own;
    return own;
  }

  useEffect(() => {
    startAnalyser();
    return () => {
      analyser.current?.terminate();
      analyser.current = undefined;
    };
    // Once per mount: the factory is fixed for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (state.kind === 'results' || state.kind === 'unreadable' || state.kind === 'shared') revealAndFocus(outcomeHeading.current);
  }, [state.kind]);

  function analyse(input: Blob | string, name: string) {
    // A second recording while the first is still being read: that work is dropped with its worker.
    if (busy.current) analyser.current?.terminate();
    const own = busy.current || !analyser.current ? startAnalyser() : analyser.current;
    busy.current = true;
    jobName.current = name;
    setState({ kind: 'working', name });
    own.send({ kind: 'analyse', input });
  }

  function cancel() {
    analyser.current?.terminate();
    busy.current = false;
    // A fresh worker for the next recording, started now rather than when it is chosen.
    startAnalyser();
    setState((s) => (s.kind === 'working' ? { kind: 'cancelled', name: s.name } : s));
  }

  function reveal(id: string) {
    setState((s) => (s.kind === 'results' ? { ...s, revealed: { ...s.revealed, [id]: { kind: 'asked' } } } : s));
    analyser.current?.send({ kind: 'reveal', id });
  }

  function hide(id: string) {
    setState((s) => {
      if (s.kind !== 'results') return s;
      return { ...s, revealed: Object.fromEntries(Object.entries(s.revealed).filter(([shown]) => shown !== id)) };
    });
  }

  const working = state.kind === 'working';
  const percent = working && state.progress && state.progress.total > 0 ? Math.round((state.progress.done / state.progress.total) * 100) : undefined;

  return (
    <div className="space-y-8">
      <form
        aria-label="Recording to analyse"
        onSubmit={(event) => {
          event.preventDefault();
          if (pasted.trim() !== '') analyse(pasted, 'the pasted text');
        }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          const file = event.dataTransfer.files[0];
          if (file) analyse(file, file.name);
        }}
        className={`space-y-4 rounded-lg border-2 border-dashed p-4 ${dragging ? 'border-accent bg-surface' : 'border-line'}`}
      >
        <p className="text-sm">
          <strong>Nothing is uploaded.</strong> The file is read and analysed in this browser tab, in a background thread; passwords, tokens and cookies are
          redacted before anything is shown.
        </p>
        <div className="space-y-1">
          <label htmlFor={fileId} className="block font-semibold">
            Choose a HAR file (or drop it here)
          </label>
          <p className="text-sm text-muted">
            Save one from the browser&apos;s developer tools: Network panel, then &ldquo;Save all as HAR&rdquo; (Chromium) or &ldquo;Save All As HAR&rdquo;
            (Firefox).
          </p>
          <input
            id={fileId}
            type="file"
            accept=".har,.json,.txt,application/json,text/plain"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) analyse(file, file.name);
              event.target.value = '';
            }}
            className="block text-sm"
          />
        </div>
        <div className="space-y-1">
          <label htmlFor={pasteId} className="block font-semibold">
            Or paste a HAR or curl -v output
          </label>
          <textarea
            id={pasteId}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            rows={6}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            className="w-full rounded border border-line bg-canvas p-2 font-mono text-sm"
            placeholder={'* Connected to example.com\n> GET /api HTTP/1.1\n< HTTP/1.1 401 Unauthorized'}
          />
          <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90">
            Analyse the pasted text
          </button>
        </div>
      </form>

      {working ? (
        <div className="space-y-2">
          <label htmlFor={progressId} className="block font-semibold">
            Analysing {state.name}: {state.progress ? PHASE_WORDS[state.progress.phase] : 'Starting'}
            {percent === undefined ? '' : ` (${percent} %)`}
          </label>
          <progress id={progressId} max={100} {...(percent === undefined ? {} : { value: percent })} className="w-full" />
        </div>
      ) : null}
      {/* Heard once per phase, not once per percent: the bar carries the figure for whoever looks at it. */}
      <p aria-live="polite" className={state.kind === 'cancelled' ? '' : 'sr-only'}>
        {working ? `${state.progress ? PHASE_WORDS[state.progress.phase] : 'Starting'} of ${state.name}.` : ''}
        {state.kind === 'cancelled' ? `Cancelled: ${state.name} was not analysed.` : ''}
      </p>
      {working ? (
        <button type="button" onClick={cancel} className={BUTTON}>
          Cancel
        </button>
      ) : null}

      {state.kind === 'unreadable' ? (
        <section aria-labelledby="unreadable-heading" className="space-y-2 rounded-md border border-l-4 border-line border-l-ink bg-surface p-4">
          <h2 id="unreadable-heading" ref={outcomeHeading} tabIndex={-1} className="text-xl font-bold">
            <span aria-hidden="true">✖ </span>
            {state.name} could not be read
          </h2>
          <p>{state.analysis.message}</p>
          <p>
            <strong>Where:</strong> {state.analysis.where}
          </p>
          <p>
            <strong>Expected:</strong> {state.analysis.expected}
          </p>
        </section>
      ) : null}
      {state.kind === 'broken-link' ? <p role="alert">{state.message}</p> : null}
      {state.kind === 'failed' ? (
        <p role="alert">
          {state.name} was not analysed. {state.message}
        </p>
      ) : null}
      {state.kind === 'results' || state.kind === 'shared' ? (
        <section aria-labelledby="results-heading" className="space-y-4">
          <h2 id="results-heading" ref={outcomeHeading} tabIndex={-1} className="text-2xl font-bold">
            {state.kind === 'results' ? `Report on ${state.name}` : 'Shared report'}
          </h2>
          {state.kind === 'shared' ? <p>Someone shared this report with a link: it was opened from the link itself, and holds no secret.</p> : null}
          <ReportView report={state.report} {...(state.kind === 'results' ? { revealed: state.revealed, onReveal: reveal, onHide: hide } : {})} />
        </section>
      ) : null}
    </div>
  );
}
