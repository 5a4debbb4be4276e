import type { ReactNode } from 'react';
import type { ChainHop, ExchangeStep } from '@/lib/sandbox/exchange/input';
import { statusMeaning } from '@/lib/playground/status-meaning';
import { connectionLabel, connectionSentence, connectionsMatter } from '@/lib/playground/connections';
import { headerValues } from '@/lib/sandbox/message';
import { StatusBadge } from '@/components/ui/StatusBadge';
import type { HeaderList } from '@/lib/sandbox/message';

function HeaderTable({ headers, caption }: { headers: HeaderList; caption: string }) {
  return (
    <table className="w-full table-fixed border-collapse text-left font-mono text-xs">
      <caption className="sr-only">{caption}</caption>
      <thead className="sr-only">
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], index) => (
          // Repeated fields (several WWW-Authenticate lines) stay separate rows.
          <tr key={index} className="border-b border-line align-top last:border-0">
            <th scope="row" className="w-2/5 py-1 pr-2 font-semibold break-words">
              {name}
            </th>
            {/* break-words, not break-all: wrap at the spaces after commas, and split a word (a long nonce) only when it cannot fit. */}
            <td className="py-1 break-words">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Whether the request carried credentials: a 401 or 407 then means they were refused (RFC 9110 §15.5.2, §15.5.8). */
function sentCredentials(headers: HeaderList) {
  return { authorization: headerValues(headers, 'Authorization').length > 0, proxyAuthorization: headerValues(headers, 'Proxy-Authorization').length > 0 };
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

const RECEIVER: Record<ChainHop['receiver'], string> = { 'resource-server': 'the resource server', 'authorization-server': 'the authorization server' };

/** What comes before the client's next move: retry the request, go on to the chain's next hop, or stop. */
const NEXT_LABEL: Record<ExchangeStep['next']['kind'], string> = { retry: 'The client retries: ', follow: 'Next: ', stop: 'The client stops: ' };

/** oauth mode: what this hop is and who sent it (the browser's steps said in words, not by colour). */
function ChainHopLine({ chain }: { chain: ChainHop }) {
  return (
    <p className="mt-2 text-sm break-words">
      <span className="font-semibold">{chain.title}.</span>{' '}
      {chain.sender === 'browser' ? (
        <span className="inline-block rounded border border-line px-1.5 py-0.5 text-xs font-semibold">Sent by the browser, not the client</span>
      ) : (
        <span className="text-muted">Sent by the client.</span>
      )}
    </p>
  );
}

/** One attempt of the conversation: what was sent, what came back, and why, in words. */
export function ExchangeStepView({
  step,
  attempt,
  idPrefix,
  showConnection = false,
  extra,
}: {
  step: ExchangeStep;
  attempt: number;
  idPrefix: string;
  /** Say which connection the request went on (when the conversation's scheme binds to one, or it used several). */
  showConnection?: boolean;
  /** More about this attempt, after its raw messages (the traffic page's explanation of a recorded hop). */
  extra?: ReactNode;
}) {
  const connection = showConnection ? step.connection : undefined;
  // Unique on the page: a lesson shows several transcripts, each with its attempts 1, 2, ...
  const headingId = `${idPrefix}-attempt-${attempt}-heading`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-canvas p-4">
      <h3 id={headingId} className="flex flex-wrap items-center gap-2 font-semibold">
        <span>
          {step.chain ? 'Step' : 'Attempt'} {attempt}
          {step.chain?.sender === 'browser' ? ' (the browser)' : ''}:
        </span>
        <span className="font-mono text-sm break-all">
          {step.request.method} {step.request.target}
        </span>
        <span aria-hidden="true">→</span>
        <StatusBadge status={step.response.status} />
        <span className="text-sm font-normal text-muted">from {step.chain ? RECEIVER[step.chain.receiver] : `the ${step.respondedBy}`}</span>
        {/* In words and with a border, never by colour alone: "new connection 2" or "connection 1". */}
        {connection ? (
          <span className="rounded border border-line px-1.5 py-0.5 text-xs font-normal">
            {/* Heard, not seen: keeps the heading's accessible name a sentence, "… from the origin, new connection 2". */}
            <span className="sr-only">, </span>
            {connectionLabel(connection)}
          </span>
        ) : null}
      </h3>
      {connection ? <p className="mt-2 text-sm">{connectionSentence(connection)}</p> : null}
      {step.chain ? <ChainHopLine chain={step.chain} /> : null}
      {/* In the chain a 200 is a document or a page, not "access granted": its step line and Next say what it is. */}
      {!step.chain || step.response.status >= 400 ? (
        <p className="mt-2 text-sm">{statusMeaning(step.response.status, sentCredentials(step.request.headers))}</p>
      ) : null}
      {step.trace.length > 0 ? (
        <>
          <h4 className="mt-3 text-sm font-semibold">What the {step.respondedBy === 'proxy' ? 'proxy and origin' : 'server'} decided</h4>
          <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm">
            {step.trace.map((entry, index) => (
              <li key={index}>{entry.text}</li>
            ))}
          </ol>
        </>
      ) : null}
      <div className="mt-3 grid gap-3 md:grid-cols-2">
        <div className="min-w-0">
          <h4 className="text-sm font-semibold">Request headers</h4>
          {step.request.headers.length > 0 ? (
            <HeaderTable headers={step.request.headers} caption={`Request headers, attempt ${attempt}`} />
          ) : (
            <p className="text-xs text-muted">None (besides Host).</p>
          )}
        </div>
        <div className="min-w-0">
          <h4 className="text-sm font-semibold">Response headers</h4>
          <HeaderTable headers={step.response.headers} caption={`Response headers, attempt ${attempt}`} />
        </div>
      </div>
      {step.response.body ? (
        <>
          <h4 className="mt-3 text-sm font-semibold">Response body</h4>
          <pre tabIndex={0} aria-label={`Response body, attempt ${attempt}`} className="mt-1 max-h-64 overflow-auto rounded bg-surface p-2 font-mono text-xs">
            {prettyBody(step.response.body)}
          </pre>
        </>
      ) : null}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-semibold">Raw HTTP/1.1</summary>
        <pre
          tabIndex={0}
          aria-label={`Raw request, attempt ${attempt}`}
          className="mt-2 overflow-x-auto rounded bg-surface p-2 font-mono text-xs break-words whitespace-pre-wrap"
        >
          {step.request.raw}
        </pre>
        {step.forwarded ? (
          <>
            <p className="mt-2 text-xs text-muted">Forwarded by the proxy to the origin (Proxy-Authorization consumed):</p>
            <pre
              tabIndex={0}
              aria-label={`Forwarded request, attempt ${attempt}`}
              className="mt-1 overflow-x-auto rounded bg-surface p-2 font-mono text-xs break-words whitespace-pre-wrap"
            >
              {step.forwarded.raw}
            </pre>
          </>
        ) : null}
        <pre
          tabIndex={0}
          aria-label={`Raw response, attempt ${attempt}`}
          className="mt-2 overflow-x-auto rounded bg-surface p-2 font-mono text-xs break-words whitespace-pre-wrap"
        >
          {step.response.raw}
        </pre>
      </details>
      {extra}
      <p className="mt-3 rounded border-l-4 border-accent bg-surface px-3 py-2 text-sm break-words">
        <span className="font-semibold">{NEXT_LABEL[step.next.kind]}</span>
        {step.next.explanation}
      </p>
    </section>
  );
}

/** What a page adds to one attempt of a transcript (nothing, for the playground's own). */
export type StepExtra = (step: ExchangeStep, attempt: number) => ReactNode;

/** `idPrefix` must be unique on the page (the transcript's own prefix): the attempts' heading ids derive from it. */
export function TranscriptView({ steps, idPrefix, stepExtra }: { steps: ExchangeStep[]; idPrefix: string; stepExtra?: StepExtra }) {
  const showConnection = connectionsMatter(steps);
  return (
    <div className="space-y-4">
      {steps.map((step, index) => (
        <ExchangeStepView
          key={index}
          step={step}
          attempt={index + 1}
          idPrefix={idPrefix}
          showConnection={showConnection}
          extra={stepExtra?.(step, index + 1)}
        />
      ))}
    </div>
  );
}
