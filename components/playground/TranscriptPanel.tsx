import type { Transcript } from '@/lib/sandbox/exchange/input';
import { TranscriptSequenceDiagram } from './TranscriptSequenceDiagram';
import { type StepExtra, TranscriptView } from './ExchangeStepView';

/**
 * A transcript as a sequence diagram plus every message, explained. No hooks: TryIt renders it on the
 * server (readable without JavaScript and in print), and LiveRun loads it in the browser only once
 * the reader runs the exchange live. `stepExtra` adds to each attempt (the traffic page explains recorded
 * hops with it); a function, so only a client parent can pass it.
 */
export function TranscriptPanel({
  transcript,
  idPrefix,
  label,
  stepExtra,
}: {
  transcript: Transcript;
  idPrefix: string;
  label: string;
  stepExtra?: StepExtra;
}) {
  return (
    <>
      <TranscriptSequenceDiagram transcript={transcript} idPrefix={idPrefix} label={label} />
      <details className="rounded-md border border-line p-3">
        <summary className="cursor-pointer text-sm font-semibold">Every request and response, explained</summary>
        <div className="mt-3">
          <TranscriptView steps={transcript.steps} idPrefix={idPrefix} stepExtra={stepExtra} />
        </div>
      </details>
    </>
  );
}
