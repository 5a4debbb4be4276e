import type { Metadata } from 'next';
import { ClientRun } from '@/components/clients/ClientRun';
import { SiteLink } from '@/components/layout/SiteLink';
import { CopyButton } from '@/components/ui/CopyButton';
import { OriginText } from '@/components/ui/OriginText';
import { RUNS_PATH } from '@/lib/sandbox/routes/paths';
import { siteUrl } from '@/lib/site/site';

export const metadata: Metadata = {
  title: 'Test your own client',
  description:
    'Start a run, point your HTTP client (or this browser) at its cases, and see whether it answers 401 and 407 challenges the way the RFCs say, case by case.',
  alternates: { canonical: '/clients/test' },
};

/**
 * Issue 21, "Test your own client": the page starts a run through the run API and shows its cases; the
 * interactive part is ClientRun. A script can do the same with the commands below.
 */
export default function ClientTestPage() {
  const origin = siteUrl().origin;
  const startCommand = `curl -i -X POST ${origin}${RUNS_PATH}`;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight">Test your own client</h1>
      <p className="mt-2 max-w-3xl text-muted">
        A run gives you a set of cases, each at its own URL: a challenge that is legal but tricky (several on one line, an unknown scheme first, a stale Digest
        nonce, a redirect to another origin, a proxy before the origin), and a few that break the rules on purpose. Point your client at each URL with the
        credentials it shows. The lab records what arrived, reduced to its shape, and says whether your client follows the RFCs, differs in a legal way, or
        fails.{' '}
        <SiteLink href="/lessons" className="text-accent underline underline-offset-4">
          The lessons
        </SiteLink>{' '}
        teach the rules behind the cases.
      </p>
      <section aria-labelledby="start-heading" className="mt-8">
        <h2 id="start-heading" className="sr-only">
          Start a run
        </h2>
        <noscript>
          <p className="mb-4 rounded-md border border-line bg-surface p-3">This page needs JavaScript to start a run; the command below does it without.</p>
        </noscript>
        <ClientRun />
      </section>
      <section aria-labelledby="script-heading" className="mt-10">
        <h2 id="script-heading" className="text-xl font-bold">
          From a terminal or a script
        </h2>
        <p className="mt-2 max-w-3xl text-sm">
          The same run API the page uses: POST starts a run and answers its cases as JSON; GET the run’s URL (in <code className="font-mono">Location</code>)
          for the report. Both are documented on{' '}
          <SiteLink href="/api" className="text-accent underline underline-offset-4">
            the API page
          </SiteLink>
          .
        </p>
        <figure className="mt-3 overflow-hidden rounded-md border border-line">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-line bg-surface px-3 py-1.5">
            <figcaption className="text-sm font-medium">Start a run</figcaption>
            <CopyButton text={startCommand} origin={origin} label="Copy command" />
          </div>
          <pre tabIndex={0} aria-label="Shell command: start a run" className="overflow-x-auto bg-canvas p-3 font-mono text-sm break-all whitespace-pre-wrap">
            <code>
              <OriginText text={startCommand} origin={origin} />
            </code>
          </pre>
        </figure>
      </section>
    </div>
  );
}
