import { CopyButton } from '@/components/ui/CopyButton';
import { StatusBadge } from '@/components/ui/StatusBadge';
import type { BrowserOutcome } from '@/lib/clients/browser-run';
import { networkErrorWords } from '@/lib/clients/browser-run';
import { caseCurlCommand } from '@/lib/clients/case-command';
import type { GradedCase, StartedCase } from '@/lib/clients/run-api';
import { RecordedRequests } from './RecordedRequests';
import { VerdictBadge } from './VerdictBadge';

type Grade = Pick<GradedCase, 'verdict' | 'explanation' | 'requests' | 'dropped'>;

function Credentials({ credentials }: { credentials: StartedCase['credentials'] }) {
  const rows: [string, string][] = credentials.token
    ? [['Bearer token', credentials.token]]
    : [
        ['User name', credentials.username],
        ['Password', credentials.password],
      ];
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {rows.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-muted">{name}</dt>
          <dd className="font-mono break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function BrowserLine({ c, outcome }: { c: StartedCase; outcome: BrowserOutcome }) {
  switch (outcome.kind) {
    case 'answered':
      return (
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          This browser ended with <StatusBadge status={outcome.status} />
        </p>
      );
    case 'network-error':
      return <p className="mt-2 text-sm">{networkErrorWords(c, outcome.message)}</p>;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}

/** One case of a run: what to point the client at and configure it with, then what the lab made of it. */
export function RunCaseCard({ c, grade, browser }: { c: StartedCase; grade?: Grade; browser?: BrowserOutcome }) {
  const command = caseCurlCommand(c);
  return (
    <li className="rounded-lg border border-line p-3 sm:p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={`case-${c.id}`} className="min-w-0 font-semibold break-words">
          {c.title}
        </h3>
        {grade ? <VerdictBadge verdict={grade.verdict} /> : null}
      </div>
      <p className="mt-1 text-sm text-muted">
        Group: {c.group}; case id <code className="font-mono break-all">{c.id}</code>
        {c.request.method === 'GET' ? '' : `; request it with ${c.request.method}${c.request.body === undefined ? '' : ' and the body below'}`}
      </p>
      <p className="mt-2 text-sm">
        URL: <code className="font-mono break-all">{c.url}</code>
      </p>
      <Credentials credentials={c.credentials} />
      {c.request.body === undefined ? null : (
        <p className="mt-1 text-sm">
          Body: <code className="font-mono break-all">{c.request.body}</code>
        </p>
      )}
      {/* Wrapped, not scrolled: no tab stop per command, and the figure's name says which case it is for. */}
      <figure aria-label={`curl command for ${c.title}`} className="mt-3 overflow-hidden rounded-md border border-line">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-line bg-surface px-3 py-1.5">
          <figcaption className="text-sm font-medium">With curl</figcaption>
          <CopyButton text={command} label="Copy command" />
        </div>
        <pre className="bg-canvas p-3 font-mono text-sm break-all whitespace-pre-wrap">
          <code>{command}</code>
        </pre>
      </figure>
      {browser ? <BrowserLine c={c} outcome={browser} /> : null}
      {grade && grade.verdict !== 'pending' ? <p className="mt-2 text-sm">{grade.explanation}</p> : null}
      {grade ? <RecordedRequests requests={grade.requests} dropped={grade.dropped} /> : null}
    </li>
  );
}
