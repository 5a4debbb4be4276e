import type { Transcript } from '@/lib/sandbox/exchange/input';
import { reasonPhrase } from '@/lib/sandbox/reason-phrases';
import { SequenceSvg } from '@/components/ui/SequenceSvg';
import { connectionLabel, connectionsMatter } from '@/lib/playground/connections';

type Lane = 'client' | 'proxy' | 'origin' | 'browser' | 'resource-server' | 'authorization-server';
/** `connection`: the client's request arrow only, when connections matter ("new connection 2"). */
type Arrow = { from: Lane; to: Lane; label: string; response: boolean; attempt: number; connection?: string };

const statusText = (status: number) => `${status} ${reasonPhrase(status)}`.trim();

/**
 * oauth mode's arrows: the resource server, the client, the browser and the authorization server (RFC 6749
 * §1.1's roles, the browser carrying the consent hops), in an order where most arrows cross one gap.
 */
function chainArrows(transcript: Transcript): { lanes: Lane[]; arrows: Arrow[] } {
  const lanes: Lane[] = ['resource-server', 'client', 'browser', 'authorization-server'];
  const arrows = transcript.steps.flatMap((step, index): Arrow[] => {
    const attempt = index + 1;
    const from: Lane = step.chain?.sender ?? 'client';
    const to: Lane = step.chain?.receiver ?? 'resource-server';
    return [
      { from, to, label: step.chain?.label ?? step.request.method, response: false, attempt },
      { from: to, to: from, label: statusText(step.response.status), response: true, attempt },
    ];
  });
  return { lanes, arrows };
}

/** The arrows of a conversation: each request hop, then the response travelling back. */
export function sequenceArrows(transcript: Transcript): { lanes: Lane[]; arrows: Arrow[] } {
  if (transcript.steps.some((step) => step.chain)) return chainArrows(transcript);
  const hasProxy = transcript.steps.some((step) => step.trace.some((t) => t.kind === 'hop' && t.hop === 'proxy'));
  const lanes: Lane[] = hasProxy ? ['client', 'proxy', 'origin'] : ['client', 'origin'];
  const arrows: Arrow[] = [];
  const showConnections = connectionsMatter(transcript.steps);
  transcript.steps.forEach((step, index) => {
    const attempt = index + 1;
    const connection = showConnections && step.connection ? { connection: connectionLabel(step.connection) } : {};
    const sent = step.request.headers.map(([name]) => name.toLowerCase());
    const credentials = ['proxy-authorization', 'authorization'].filter((field) => sent.includes(field));
    const withCredentials =
      credentials.length > 0 ? ` + ${credentials.map((field) => (field === 'authorization' ? 'Authorization' : 'Proxy-Authorization')).join(' + ')}` : '';
    const status = statusText(step.response.status);
    if (!hasProxy) {
      arrows.push({ from: 'client', to: 'origin', label: `${step.request.method}${withCredentials}`, response: false, attempt, ...connection });
      arrows.push({ from: 'origin', to: 'client', label: status, response: true, attempt });
      return;
    }
    arrows.push({ from: 'client', to: 'proxy', label: `${step.request.method}${withCredentials}`, response: false, attempt, ...connection });
    if (step.forwarded) {
      const forwardedAuth = step.forwarded.headers.some(([name]) => name.toLowerCase() === 'authorization') ? ' + Authorization' : '';
      arrows.push({ from: 'proxy', to: 'origin', label: `${step.forwarded.method}${forwardedAuth}`, response: false, attempt });
      arrows.push({ from: 'origin', to: 'proxy', label: status, response: true, attempt });
    }
    arrows.push({ from: 'proxy', to: 'client', label: status, response: true, attempt });
  });
  return { lanes, arrows };
}

// Drawn above a lane 140 px wide, so the authorization server is shortened there; the words say it whole.
const LANE_LABEL: Record<Lane, string> = {
  client: 'Client',
  proxy: 'Proxy',
  origin: 'Origin',
  browser: 'Browser',
  'resource-server': 'Resource',
  'authorization-server': 'Auth server',
};
const LANE_WORDS: Record<Lane, string> = {
  ...LANE_LABEL,
  'resource-server': 'Resource server',
  'authorization-server': 'Authorization server',
};

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
          {LANE_WORDS[arrow.from]} → {LANE_WORDS[arrow.to]}: {arrow.response ? 'response' : 'request'} {arrow.label} (
          {transcript.mode === 'oauth' ? 'step' : 'attempt'} {arrow.attempt}
          {arrow.connection ? `, on ${arrow.connection}` : ''})
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
            ...(arrow.connection ? { note: arrow.connection } : {}),
          }))}
          idPrefix={idPrefix}
          title={`Sequence diagram: ${arrows.length} messages between ${lanes.map((l) => LANE_WORDS[l]).join(', ')}`}
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
