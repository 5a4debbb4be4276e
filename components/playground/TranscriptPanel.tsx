import type { Transcript } from '@/lib/sandbox/exchange/input';
import { TranscriptSequenceDiagram } from './TranscriptSequenceDiagram';
import { TranscriptView } from './ExchangeStepView';

/**
 * A transcript as a sequence diagram plus every message, explained. No hooks: TryIt renders it on the
 * server (readable without JavaScript and in print), and LiveRun loads it in the browser only once
 * the reader runs the exchange live.
 */
export function TranscriptPanel({ transcript, idPrefix, label }: { transcript: Transcript; idPrefix: string; label: string }) {
  return (
    <>
      <TranscriptSequenceDiagram transcript={transcript} idPrefix={idPrefix} label={label} />
      <details className="rounded-md border border-line p-3">
        <summary className="cursor-pointer text-sm font-semibold">Every request and response, explained</summary>
        <div className="mt-3">
          <TranscriptView steps={transcript.steps} idPrefix={idPrefix} />
        </div>
      </details>
    </>
  );
}
