import type { Metadata } from 'next';
import { SiteLink } from '@/components/layout/SiteLink';
import { Troubleshooter } from '@/components/mdx/Troubleshooter';
import { ExplainResponse } from '@/components/playground/ExplainResponse';
import { TroubleshootSection } from './_components/TroubleshootSection';

export const metadata: Metadata = {
  title: 'Troubleshoot a 401, 403 or 407',
  description:
    'Paste the response you got and see what is wrong with it, character by character, and what a client does next; then walk from the symptoms to the cause and the fix.',
  alternates: { canonical: '/troubleshoot' },
};

/**
 * The front door for "I have a 401 right now" (issue 16): the Explain tool first, loaded with the page,
 * then the troubleshooter's walk. Everything pasted stays in the browser.
 */
export default function TroubleshootPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight">Troubleshoot a 401, 403 or 407</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Start from the response you got: paste it and the lab says what it means. If that is not enough, answer a few questions about what you see to reach the
        cause and the fix. For the why behind each step, read the lesson{' '}
        <SiteLink href="/lessons/troubleshooting-401" className="text-accent underline underline-offset-4">
          Troubleshooting a 401
        </SiteLink>
        . Have a whole recorded session? Drop its HAR, or paste curl -v output, on{' '}
        <SiteLink href="/troubleshoot/traffic" className="text-accent underline underline-offset-4">
          Troubleshoot your own traffic
        </SiteLink>
        .
      </p>
      <div className="mt-8">
        <TroubleshootSection
          id="explain"
          title="Explain the response you got"
          intro="What you paste is read in your browser and never sent anywhere, so a pasted token or password stays with you."
        >
          <noscript>
            <p className="mb-4 rounded-md border border-line bg-surface p-3">Explaining a response needs JavaScript; the questions below work without it.</p>
          </noscript>
          <ExplainResponse />
        </TroubleshootSection>
        <TroubleshootSection
          id="walk"
          title="Find the cause, step by step"
          intro="Each question asks about one piece of evidence; the answers lead to the cause, the fix, the rule behind it and a scenario to try."
        >
          <Troubleshooter />
        </TroubleshootSection>
      </div>
    </div>
  );
}
