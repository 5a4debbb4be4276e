import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SiteLink } from '@/components/layout/SiteLink';
import { VerdictBadge } from '@/components/clients/VerdictBadge';
import { COMPAT_CASES, findCompatCase } from '@/lib/compat/cases';
import { GROUP_TITLES, resultFor, rfcHref } from '@/lib/compat/matrix';
import { credentialsWords, FLOW_WORDS, LEG_WORDS, noteWords } from '@/lib/compat/recorded-words';
import { loadClientResults } from '@/lib/compat/results';
import { findRfcExcerpt } from '@/lib/compat/rfc-excerpts';
import type { MeasuredRequest } from '@/lib/compat/results-schema';
import { findRfcSection } from '@/lib/content/rfc-sections';
import { reasonPhrase } from '@/lib/sandbox/reason-phrases';

// One compatibility case (issue 21): what the lab sends, what a client that follows the RFCs does and the
// sections that say so, then each measured client: its verdict, why, and the requests the lab recorded.

export const dynamicParams = false;

export function generateStaticParams(): Array<{ id: string }> {
  return COMPAT_CASES.map((c) => ({ id: c.id }));
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const found = findCompatCase(id);
  return found
    ? { title: `${found.title}: how clients answer`, description: found.follows, alternates: { canonical: `/clients/cases/${id}` } }
    : { title: 'No such case' };
}

function RequestLine({ request }: { request: MeasuredRequest }) {
  const sent = [request.proxyAuthorization, request.authorization].filter((c) => c !== undefined);
  return (
    <li className="space-y-0.5">
      <p className="font-mono text-xs break-all">
        {request.method} {request.target ?? '(unreadable target)'}
        {request.leg === 'first' ? '' : <span className="font-sans"> ({LEG_WORDS[request.leg]})</span>}
      </p>
      {sent.length === 0 ? <p className="text-xs text-muted">No credentials.</p> : null}
      {sent.map((credentials) => (
        <p key={credentials.field} className="text-xs break-words">
          {credentialsWords(credentials)}
        </p>
      ))}
      <p className="text-xs">
        The lab answered {request.status} {reasonPhrase(request.status)}: {noteWords(request.note)}
      </p>
    </li>
  );
}

export default async function CompatCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const compatCase = findCompatCase(id);
  if (!compatCase) notFound();
  const clients = loadClientResults();
  const { sends } = compatCase;
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <p className="text-sm">
        <SiteLink href="/clients" className="text-accent underline underline-offset-4">
          The client matrix
        </SiteLink>{' '}
        · {GROUP_TITLES[compatCase.group]}
      </p>
      <h1 className="mt-2 text-3xl font-extrabold tracking-tight">{compatCase.title}</h1>

      <section aria-labelledby="sends-heading" className="mt-6">
        <h2 id="sends-heading" className="text-xl font-bold">
          What the lab sends
        </h2>
        <pre tabIndex={0} aria-label="The lab's response head" className="mt-2 overflow-x-auto rounded-lg border border-line bg-surface p-3 font-mono text-sm">
          <code>
            {[
              `HTTP/1.1 ${sends.status} ${reasonPhrase(sends.status)}`,
              ...sends.lines.map((line) => `${sends.status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate'}: ${line}`),
            ].join('\n')}
          </code>
        </pre>
        {compatCase.flow.kind === 'single' ? null : <p className="mt-2 text-sm text-muted">Then {FLOW_WORDS[compatCase.flow.kind]}.</p>}
        {compatCase.illegal ? (
          <p className="mt-2 text-sm">
            <strong>The lab breaks a rule here on purpose:</strong> {compatCase.illegal}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="follows-heading" className="mt-6">
        <h2 id="follows-heading" className="text-xl font-bold">
          What a client that follows the RFCs does
        </h2>
        <p className="mt-2">{compatCase.follows}</p>
        {compatCase.alternatives.length > 0 ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {compatCase.alternatives.map((alternative) => (
              <li key={alternative.reason}>Graded “differs”: {alternative.reason}</li>
            ))}
          </ul>
        ) : null}
        <p className="mt-2 text-sm">Decided by:</p>
        <ul className="mt-1 space-y-3 text-sm">
          {compatCase.citations.map(({ rfc, section }) => {
            const passages = findRfcExcerpt(rfc, section) ?? [];
            return (
              <li key={`${rfc}-${section}`}>
                <a href={rfcHref(rfc, section)} className="text-accent underline underline-offset-4">
                  RFC {rfc} §{section}
                </a>{' '}
                {findRfcSection(rfc, section) ?? ''}
                {passages.length > 0 ? (
                  // The RFC's own words (content/compat/rfc-excerpts.yaml, checked against the RFC's text).
                  <blockquote cite={rfcHref(rfc, section)} className="mt-1 space-y-1 border-l-4 border-line pl-3">
                    {passages.map((passage) => (
                      <p key={passage}>“{passage}”</p>
                    ))}
                  </blockquote>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="clients-heading" className="mt-6">
        <h2 id="clients-heading" className="text-xl font-bold">
          What each client did
        </h2>
        <ul className="mt-3 space-y-4">
          {clients.map((measured) => {
            const result = resultFor(measured, compatCase.id);
            return (
              <li key={measured.client.id} id={measured.client.id} className="scroll-mt-20 rounded-lg border border-line p-3">
                <h3 className="flex flex-wrap items-center gap-2 text-base font-semibold">
                  {measured.client.name} <span className="font-mono text-sm font-normal text-muted">{measured.client.version}</span>
                  <VerdictBadge verdict={result.verdict} />
                </h3>
                <p className="mt-1 text-sm">{result.explanation}</p>
                <p className="mt-1 text-xs text-muted">{result.note}</p>
                {result.requests.length > 0 ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm">
                      What the lab recorded ({result.requests.length === 1 ? '1 request' : `${result.requests.length} requests`})
                    </summary>
                    <ol className="mt-2 space-y-2 pl-4">
                      {result.requests.map((request, index) => (
                        <RequestLine key={index} request={request} />
                      ))}
                    </ol>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
