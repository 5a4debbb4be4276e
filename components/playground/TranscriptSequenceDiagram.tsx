import type { Transcript } from '@/lib/sandbox/exchange/input';
import { reasonPhrase } from '@/lib/sandbox/reason-phrases';
import { SequenceSvg } from '@/components/ui/SequenceSvg';

type Lane = 'client' | 'proxy' | 'origin';
type Arrow = { from: Lane; to: Lane; label: string; response: boolean; attempt: number };

/** The arrows of a conversation: each request hop, then the response travelling back. */
export function sequenceArrows(transcript: Transcript): { lanes: Lane[]; arrows: Arrow[] } {
  const hasProxy = transcript.steps.some((step) => step.trace.some((t) => t.kind === 'hop' && t.hop === 'proxy'));
  const lanes: Lane[] = hasProxy ? ['client', 'proxy', 'origin'] : ['client', 'origin'];
  const arrows: Arrow[] = [];
  transcript.steps.forEach((step, index) => {
    const attempt = index + 1;
    const sent = step.request.headers.map(([name]) => name.toLowerCase());
    const credentials = ['proxy-authorization', 'authorization'].filter((field) => sent.includes(field));
    const withCredentials =
      credentials.length > 0 ? ` + ${credentials.map((field) => (field === 'authorization' ? 'Authorization' : 'Proxy-Authorization')).join(' + ')}` : '';
    const status = `${step.response.status} ${reasonPhrase(step.response.status)}`.trim();
    if (!hasProxy) {
      arrows.push({ from: 'client', to: 'origin', label: `${step.request.method}${withCredentials}`, response: false, attempt });
      arrows.push({ from: 'origin', to: 'client', label: status, response: true, attempt });
      return;
    }
    arrows.push({ from: 'client', to: 'proxy', label: `${step.request.method}${withCredentials}`, response: false, attempt });
    if (step.forwarded) {
      const forwardedAuth = step.forwarded.headers.some(([name]) => name.toLowerCase() === 'authorization') ? ' + Authorization' : '';
      arrows.push({ from: 'proxy', to: 'origin', label: `${step.forwarded.method}${forwardedAuth}`, response: false, attempt });
      arrows.push({ from: 'origin', to: 'proxy', label: status, response: true, attempt });
    }
    arrows.push({ from: 'proxy', to: 'client', label: status, response: true, attempt });
  });
  return { lanes, arrows };
}

const LANE_LABEL: Record<Lane, string> = { client: 'Client', proxy: 'Proxy', origin: 'Origin' };

/** Client, proxy and origin lanes as SVG, with the same story as an ordered list for every reader. */
export function TranscriptSequenceDiagram({
  transcript,
  idPrefix = 'seq',
  label = 'Conversation',
  wordsFolded = false,
}: {
  transcript: Transcript;
  idPrefix?: string;
  label?: string;
  /** The step list (the diagram's text alternative) in a closed <details> instead of always shown. */
  wordsFolded?: boolean;
}) {
  const { lanes, arrows } = sequenceArrows(transcript);
  const words = (
    <ol className="list-decimal space-y-0.5 pl-6 text-muted">
      {arrows.map((arrow, i) => (
        <li key={i}>
          {LANE_LABEL[arrow.from]} → {LANE_LABEL[arrow.to]}: {arrow.response ? 'response' : 'request'} {arrow.label} (attempt {arrow.attempt})
        </li>
      ))}
    </ol>
  );
  return (
    <figure className="min-w-0" aria-label={label}>
      <div>
        <SequenceSvg
          lanes={lanes.map((lane) => LANE_LABEL[lane])}
          arrows={arrows.map((arrow) => ({
            from: lanes.indexOf(arrow.from),
            to: lanes.indexOf(arrow.to),
            label: `${arrow.attempt}. ${arrow.label}`,
            dashed: arrow.response,
          }))}
          idPrefix={idPrefix}
          title={`Sequence diagram: ${arrows.length} messages between ${lanes.map((l) => LANE_LABEL[l]).join(', ')}`}
        />
      </div>
      <figcaption className="mt-2 text-sm">
        {wordsFolded ? (
          // Issue 16: a lesson's opening picture shows the conversation once; the words are a click away.
          <details data-export-open>
            <summary className="cursor-pointer font-medium">The same conversation in words</summary>
            {words}
          </details>
        ) : (
          <>
            <span className="sr-only">The same conversation in words:</span>
            {words}
          </>
        )}
      </figcaption>
    </figure>
  );
}
