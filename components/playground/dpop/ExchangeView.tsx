import { StatusBadge } from '@/components/ui/StatusBadge';
import type { LabExchange } from './lab-exchange';
import { verdict } from './verdict';

// One request of the proof builder and the lab's answer: method and URL, the request fields DPoP is about,
// the status in words, the error the lab named and why, and the response fields (WWW-Authenticate,
// DPoP-Nonce). Rendered inside the client builder; no state of its own.

const SHOWN_REQUEST_FIELDS = ['DPoP', 'Authorization'];

export function ExchangeView({ title, explains, exchange }: { title: string; explains?: string; exchange: LabExchange }) {
  const { request } = exchange;
  const requestFields = request.fields.filter(([name]) => SHOWN_REQUEST_FIELDS.includes(name));
  return (
    <article aria-label={title} className="mt-4 rounded-md border border-line p-3 text-sm">
      <h4 className="font-semibold">{title}</h4>
      {explains ? <p className="mt-1 text-muted">{explains}</p> : null}
      <p className="mt-2 font-mono text-xs break-all">
        {request.method} {request.url}
      </p>
      <FieldList label="Request fields" fields={requestFields} empty="No DPoP or Authorization field." />
      {exchange.kind === 'unreachable' ? (
        <p className="mt-2 font-semibold">{verdict(exchange)}</p>
      ) : (
        <>
          <p className="mt-2 flex flex-wrap items-center gap-2 font-semibold">
            <StatusBadge status={exchange.answer.status} />
            <span>{verdict(exchange)}</span>
          </p>
          {exchange.answer.error?.description ? (
            <p className="mt-1">
              <span className="font-semibold">The lab says: </span>
              {exchange.answer.error.description}
            </p>
          ) : null}
          <FieldList label="Response fields" fields={exchange.answer.fields} />
          {exchange.answer.landedAt === undefined && exchange.answer.body !== '' ? (
            <details className="mt-2">
              <summary className="cursor-pointer">Response body</summary>
              <pre className="mt-1 max-h-48 overflow-auto rounded bg-surface p-2 text-xs break-all whitespace-pre-wrap">{exchange.answer.body}</pre>
            </details>
          ) : null}
        </>
      )}
    </article>
  );
}

function FieldList({ label, fields, empty }: { label: string; fields: [string, string][]; empty?: string }) {
  if (fields.length === 0) return empty ? <p className="mt-2 text-muted">{empty}</p> : null;
  return (
    <dl aria-label={label} className="mt-2 grid gap-x-3 gap-y-1 sm:grid-cols-[max-content_1fr]">
      {fields.map(([name, value], index) => (
        <div key={`${name}-${index}`} className="contents">
          <dt className="font-mono text-xs font-semibold">{name}:</dt>
          <dd className="font-mono text-xs break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
