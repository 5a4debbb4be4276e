'use client';

import { useState } from 'react';
import type { ExchangeInput, Transcript } from '@/lib/sandbox/exchange-input';
import { SequenceDiagram } from './SequenceDiagram';
import { TranscriptView } from './ExchangeStepView';

type RunState = { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; message: string };

/**
 * Shows a server-rendered transcript first (readable without JavaScript and in print), and runs the
 * same exchange live on request. The page posts a description to /api/exchange rather than calling
 * the sandbox itself: a fetch that meets a Basic challenge would open the browser's login dialog, and
 * scripts cannot send Proxy-Authorization at all (WHATWG Fetch).
 */
export function LiveRun({ initial, input, idPrefix, label }: { initial: Transcript; input: ExchangeInput; idPrefix: string; label: string }) {
  const [transcript, setTranscript] = useState(initial);
  const [state, setState] = useState<RunState>({ kind: 'idle' });
  const [live, setLive] = useState(false);

  async function run() {
    setState({ kind: 'running' });
    try {
      const response = await fetch('/api/exchange', {
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
      setTranscript((await response.json()) as Transcript);
      setLive(true);
      setState({ kind: 'idle' });
    } catch {
      setState({ kind: 'failed', message: 'The lab could not be reached. Check your connection and try again.' });
    }
  }

  return (
    <div>
      <div className="flex flex-wrap items-center gap-3" data-print-hidden>
        <button
          type="button"
          onClick={run}
          disabled={state.kind === 'running'}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60"
        >
          {state.kind === 'running' ? 'Running…' : live ? 'Run again' : 'Run it live'}
        </button>
        <span role="status" className="text-sm text-muted">
          {state.kind === 'failed' ? state.message : state.kind === 'running' ? 'Sending the request…' : live ? 'Live result from the sandbox.' : 'Expected result, computed when this page was built.'}
        </span>
      </div>
      <div aria-live="polite" className="mt-3 space-y-4">
        <SequenceDiagram transcript={transcript} idPrefix={idPrefix} label={label} />
        <details className="rounded-md border border-line p-3">
          <summary className="cursor-pointer text-sm font-semibold">Every request and response, explained</summary>
          <div className="mt-3">
            <TranscriptView steps={transcript.steps} />
          </div>
        </details>
      </div>
    </div>
  );
}
