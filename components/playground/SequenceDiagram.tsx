import type { Transcript } from '@/lib/sandbox/exchange-input';
import { reasonPhrase } from '@/lib/sandbox/reason-phrases';

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
    const withCredentials = credentials.length > 0 ? ` + ${credentials.map((field) => (field === 'authorization' ? 'Authorization' : 'Proxy-Authorization')).join(' + ')}` : '';
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
export function SequenceDiagram({ transcript, idPrefix = 'seq', label = 'Conversation' }: { transcript: Transcript; idPrefix?: string; label?: string }) {
  const { lanes, arrows } = sequenceArrows(transcript);
  const width = 560;
  const laneX = (lane: Lane) => 70 + (lanes.indexOf(lane) * (width - 140)) / Math.max(1, lanes.length - 1);
  const rowHeight = 34;
  const height = 50 + arrows.length * rowHeight + 10;
  const titleId = `${idPrefix}-title`;
  return (
    <figure className="min-w-0">
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${label}: sequence diagram (scrolls sideways)`}>
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={titleId} className="max-w-none text-ink">
          <title id={titleId}>{`Sequence diagram: ${arrows.length} messages between ${lanes.map((l) => LANE_LABEL[l]).join(', ')}`}</title>
          <defs>
            <marker id={`${idPrefix}-head`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
            </marker>
          </defs>
          {lanes.map((lane) => (
            <g key={lane}>
              <text x={laneX(lane)} y={20} textAnchor="middle" fontSize="14" fontWeight="700" fill="currentColor">
                {LANE_LABEL[lane]}
              </text>
              <line x1={laneX(lane)} y1={30} x2={laneX(lane)} y2={height - 5} stroke="currentColor" strokeOpacity="0.35" strokeDasharray="4 4" />
            </g>
          ))}
          {arrows.map((arrow, i) => {
            const y = 55 + i * rowHeight;
            const x1 = laneX(arrow.from);
            const x2 = laneX(arrow.to);
            return (
              <g key={i}>
                <line x1={x1} y1={y} x2={x2} y2={y} stroke="currentColor" strokeWidth="1.5" strokeDasharray={arrow.response ? '6 3' : undefined} markerEnd={`url(#${idPrefix}-head)`} />
                <text x={(x1 + x2) / 2} y={y - 6} textAnchor="middle" fontSize="12" fill="currentColor">
                  {`${arrow.attempt}. ${arrow.label}`}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-2 text-sm">
        <span className="sr-only">The same conversation in words:</span>
        <ol className="list-decimal space-y-0.5 pl-6 text-muted">
          {arrows.map((arrow, i) => (
            <li key={i}>
              {LANE_LABEL[arrow.from]} → {LANE_LABEL[arrow.to]}: {arrow.response ? 'response' : 'request'} {arrow.label} (attempt {arrow.attempt})
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
