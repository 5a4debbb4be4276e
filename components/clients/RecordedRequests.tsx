import type { ReportedRequest } from '@/lib/clients/run-api';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { legWords, noteWords } from '@/lib/compat/recorded-words';

// What the lab saw of a client's requests for one case, in a disclosure: their shape only (the run API
// never returns a password or a token), what the lab answered and why.

/** Which credentials fields the request carried, and in which scheme; the lab's note says what became of them. */
function sentWords(r: ReportedRequest): string | undefined {
  const sent = [r.proxyAuthorization, r.authorization].flatMap((field) => (field ? [`${field.field}: ${field.scheme || '(no scheme)'}`] : []));
  return sent.length === 0 ? undefined : `Sent ${sent.join(' and ')}.`;
}

export function RecordedRequests({ requests, dropped }: { requests: readonly ReportedRequest[]; dropped: number }) {
  if (requests.length === 0) return <p className="mt-2 text-sm text-muted">The lab has seen no request for this case yet.</p>;
  return (
    <details className="mt-2 rounded-md border border-line">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        The {requests.length === 1 ? 'request' : `${requests.length} requests`} the lab saw
      </summary>
      <ol className="space-y-2 border-t border-line px-3 py-2 text-sm">
        {requests.map((r, index) => (
          <li key={index} className="break-words">
            <span className="flex flex-wrap items-center gap-2">
              <code className="font-mono break-all">
                {r.method} {r.target ?? '(unreadable target)'}
              </code>
              {legWords(r.leg) === '' ? null : <span className="text-muted">({legWords(r.leg)})</span>}
              <StatusBadge status={r.status} />
            </span>
            <span className="mt-1 block text-muted">
              {sentWords(r)} {noteWords(r.note)}
            </span>
            {r.fields && r.fields.length > 0 ? (
              // The head as the client sent it, credentials cut to their scheme and length by the lab.
              <pre
                tabIndex={0}
                aria-label={`Header fields of request ${index + 1}`}
                className="mt-1 overflow-x-auto rounded border border-line bg-surface p-2 font-mono text-xs whitespace-pre"
              >
                {r.fields.map(([name, value]) => `${name}: ${value}`).join('\n')}
              </pre>
            ) : null}
          </li>
        ))}
      </ol>
      {dropped > 0 ? (
        <p className="border-t border-line px-3 py-2 text-sm text-muted">{dropped} more arrived past the lab’s limit per case and were counted, not kept.</p>
      ) : null}
    </details>
  );
}
