import type { Metadata } from 'next';
import { SiteLink } from '@/components/layout/SiteLink';
import { VerdictBadge } from '@/components/clients/VerdictBadge';
import { COMPAT_CASES } from '@/lib/compat/cases';
import { matrixGroups, resultFor, shortVersion } from '@/lib/compat/matrix';
import { loadClientResults } from '@/lib/compat/results';

// The compatibility matrix (issue 21): real clients × the lab's cases, from the results `npm run compat`
// measured (content/compat/results), each cell linking to the case's page with what the client sent.

export const metadata: Metadata = {
  title: 'How real clients answer challenges',
  description:
    'curl, wget, Python, Node, Java, Perl, Go and PHP clients against 44 tricky challenges: which scheme they pick, quoted commas, Digest variants, stale nonces, redirects, proxies and NTLM, measured by the lab.',
  alternates: { canonical: '/clients' },
};

// Each meaning beside the badge a cell shows, so the verdict's word is said once.
const MEANINGS = [
  { verdict: 'follows', text: 'the client does what the RFCs say a client does.' },
  { verdict: 'differs', text: 'the client takes another legal way; the case page says how and why it matters.' },
  { verdict: 'fails', text: 'the client does not get in, or sends what it should not.' },
] as const;

export default function ClientsPage() {
  const clients = loadClientResults();
  const groups = matrixGroups(COMPAT_CASES);
  const dates = [...new Set(clients.map((c) => c.date))].sort();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight">How real clients answer challenges</h1>
      <p className="mt-3 max-w-3xl">
        {clients.length} clients against {COMPAT_CASES.length} cases: several challenges at once, quoted commas, Digest variants, stale nonces, redirects, a
        proxy first, NTLM. The lab played each case and recorded what each client actually sent, then graded it against the RFCs. Measured on{' '}
        {dates.join(' and ')}, {clients[0]?.platform ?? 'this machine'}.{' '}
        <SiteLink href="/clients/test" className="font-medium text-accent underline underline-offset-4">
          Test your own client
        </SiteLink>{' '}
        against the same cases.
      </p>

      <section aria-labelledby="verdicts-heading" className="mt-6">
        <h2 id="verdicts-heading" className="text-xl font-bold">
          What a cell says
        </h2>
        <ul className="mt-2 space-y-1.5 text-sm">
          {MEANINGS.map(({ verdict, text }) => (
            <li key={verdict} className="flex flex-wrap items-center gap-2">
              <VerdictBadge verdict={verdict} compact />
              <span>{text}</span>
            </li>
          ))}
        </ul>
      </section>

      <nav aria-labelledby="groups-heading" className="mt-6">
        <h2 id="groups-heading" className="text-xl font-bold">
          By scheme
        </h2>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {groups.map(({ group, title, cases }) => (
            <li key={group}>
              <a href={`#group-${group}`} className="text-accent underline underline-offset-4">
                {title}
              </a>{' '}
              <span className="text-muted">({cases.length})</span>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="matrix-heading" className="mt-8">
        <h2 id="matrix-heading" className="text-xl font-bold">
          The matrix
        </h2>
        <p className="mt-1 text-sm text-muted">Each cell opens the case: what the lab sent, what the client sent back, and the RFC text that decides it.</p>
        <div role="region" aria-label="Clients × cases, scrolls sideways" tabIndex={0} className="mt-3 overflow-x-auto rounded-lg border border-line">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Verdict of each client (columns) for each case (rows), grouped by scheme</caption>
            <thead>
              <tr className="border-b border-line bg-surface">
                <th scope="col" className="sticky left-0 z-10 min-w-48 bg-surface px-3 py-2 font-semibold">
                  Case
                </th>
                {clients.map(({ client }) => (
                  // The name wraps and the version is the client's own number ("17.0.15", not the JVM's
                  // whole banner), so no column is wider than its badges need; "How it was measured"
                  // below and each case page give the full version.
                  <th key={client.id} scope="col" className="px-2 py-2 align-bottom font-semibold">
                    <span className="block max-w-36">{client.name}</span>
                    <span className="block font-mono text-xs font-normal whitespace-nowrap text-muted">{shortVersion(client.version)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            {groups.map(({ group, title, cases }) => (
              <tbody key={group}>
                <tr className="border-b border-line">
                  <th id={`group-${group}`} scope="colgroup" colSpan={clients.length + 1} className="scroll-mt-20 bg-canvas px-3 pt-4 pb-1 text-base font-bold">
                    {title}
                  </th>
                </tr>
                {cases.map((c) => (
                  <tr key={c.id} className="border-b border-line last:border-0">
                    <th scope="row" className="sticky left-0 z-10 bg-canvas px-3 py-1.5 font-normal">
                      <SiteLink href={`/clients/cases/${c.id}`} className="text-accent underline underline-offset-4">
                        {c.title}
                      </SiteLink>
                    </th>
                    {clients.map((measured) => {
                      const { client } = measured;
                      const result = resultFor(measured, c.id);
                      return (
                        <td key={client.id} className="px-2 py-1.5">
                          <SiteLink
                            href={`/clients/cases/${c.id}#${client.id}`}
                            aria-label={`${client.name}: ${result.verdict}`}
                            className="inline-block rounded focus-visible:outline-2"
                          >
                            <VerdictBadge verdict={result.verdict} compact />
                          </SiteLink>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      </section>

      <section aria-labelledby="how-heading" className="mt-8 max-w-3xl">
        <h2 id="how-heading" className="text-xl font-bold">
          How it was measured
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
          {clients.map(({ client }) => (
            <li key={client.id}>
              <strong>{client.name}</strong> {client.version}: {client.configuration}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
