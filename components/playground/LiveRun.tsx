'use client';

import { type ComponentType, type ReactNode, useState } from 'react';
import type { ExchangeInput, Transcript } from '@/lib/sandbox/exchange/input';
import { EXCHANGE_PATH } from '@/lib/sandbox/routes/paths';

// The code that draws a transcript is fetched only when the reader runs the exchange live (or points
// at or focuses the button): until then the lesson shows the transcript rendered on the server, so a
// lesson with several TryIt widgets costs the reader almost no JavaScript.
const loadPanel = () => import('./TranscriptPanel');
const prefetchPanel = () => void loadPanel().catch(() => undefined);

type Panel = ComponentType<{ transcript: Transcript; idPrefix: string; label: string }>;
type Live = { transcript: Transcript; Panel: Panel };

type RunState = { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; message: string };

/**
 * Shows `children` (the server-rendered transcript: readable without JavaScript and in print), and
 * runs the same exchange live on request. The page posts a description to /api/exchange rather than
 * calling the sandbox itself: a fetch that meets a Basic challenge would open the browser's login
 * dialog, and scripts cannot send Proxy-Authorization at all (WHATWG Fetch).
 */
export function LiveRun({ input, idPrefix, label, children }: { input: ExchangeInput; idPrefix: string; label: string; children: ReactNode }) {
  // The live result is shown only once both the transcript and the code that draws it are here, so
  // the server-rendered one never flickers away and back.
  const [live, setLive] = useState<Live | undefined>(undefined);
  const [state, setState] = useState<RunState>({ kind: 'idle' });

  async function run() {
    setState({ kind: 'running' });
    const panel = loadPanel();
    try {
      const response = await fetch(EXCHANGE_PATH, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: string };
        setState({ kind: 'failed', message: problem.detail ?? `The lab answered ${response.status}.` });
        return;
      }
      const [transcript, module] = await Promise.all([response.json() as Promise<Transcript>, panel]);
      setLive({ transcript, Panel: module.TranscriptPanel });
      setState({ kind: 'idle' });
    } catch {
      setState({ kind: 'failed', message: 'The lab could not be reached. Check your connection and try again.' });
    }
  }

  // data-exchange-input carries the same description into the HTML, for the SCORM package's own
  // script (lib/scorm/runtime/lab-live.js), which runs it against the lab when the site's scripts are gone.
  return (
    <div data-exchange-input={JSON.stringify(input)}>
      <div className="flex flex-wrap items-center gap-3" data-print-hidden>
        <button
          type="button"
          data-live-run
          onClick={run}
          onPointerEnter={prefetchPanel}
          onFocus={prefetchPanel}
          disabled={state.kind === 'running'}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60"
        >
          {state.kind === 'running' ? 'Running…' : live ? 'Run again' : 'Run it live'}
        </button>
        <span role="status" className="text-sm text-muted">
          {state.kind === 'failed'
            ? state.message
            : state.kind === 'running'
              ? 'Sending the request…'
              : live
                ? 'Live result from the sandbox.'
                : 'Expected result, computed when this page was built.'}
        </span>
      </div>
      <div aria-live="polite" className="mt-3 space-y-4">
        {live ? <live.Panel transcript={live.transcript} idPrefix={idPrefix} label={label} /> : children}
      </div>
    </div>
  );
}
