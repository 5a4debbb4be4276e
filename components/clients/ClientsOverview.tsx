import { SiteLink } from '@/components/layout/SiteLink';
import { ClientsMatrix } from '@/components/clients/ClientsMatrix';
import { SchemeFilter } from '@/components/clients/SchemeFilter';
import { VerdictBadge } from '@/components/clients/VerdictBadge';
import type { CaseGroup } from '@/lib/compat/case-schema';
import { COMPAT_CASES } from '@/lib/compat/cases';
import { GROUP_TITLES, matrixGroups } from '@/lib/compat/matrix';
import { loadClientResults } from '@/lib/compat/results';

// The compatibility matrix (issue 21): real clients × the lab's cases, from the results `npm run compat`
// measured (content/compat/results), each cell linking to the case's page with what the client sent.
// /clients shows every group; /clients/groups/{group} the same page filtered to one.

// Each meaning beside the badge a cell shows, so the verdict's word is said once.
const MEANINGS = [
  { verdict: 'follows', text: 'the client does what the RFCs say a client does.' },
  { verdict: 'differs', text: 'the client takes another legal way; the case page says how and why it matters.' },
  { verdict: 'fails', text: 'the client does not get in, or sends what it should not.' },
] as const;

export function ClientsOverview({ group }: { group?: CaseGroup }) {
  const clients = loadClientResults();
  const groups = matrixGroups(COMPAT_CASES);
  const shown = group === undefined ? groups : groups.filter((g) => g.group === group);
  const dates = [...new Set(clients.map((c) => c.date))].sort();
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight">How real clients answer challenges{group === undefined ? '' : `: ${GROUP_TITLES[group]}`}</h1>
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

      <section aria-labelledby="matrix-heading" className="mt-8">
        <h2 id="matrix-heading" className="scroll-mt-20 text-xl font-bold">
          The matrix{group === undefined ? '' : `: ${GROUP_TITLES[group]} only`}
        </h2>
        <SchemeFilter groups={groups} current={group} />
        <p className="mt-3 text-sm text-muted">Each cell opens the case: what the lab sent, what the client sent back, and the RFC text that decides it.</p>
        <ClientsMatrix clients={clients} groups={shown} />
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
