import type { Metadata } from 'next';
import { SiteLink } from '@/components/layout/SiteLink';
import { TrafficAnalyserInWorker } from '@/components/har/TrafficAnalyserInWorker';

export const metadata: Metadata = {
  title: 'Troubleshoot your own traffic',
  description:
    'Drop a HAR from your browser, or paste curl -v output: the lab finds the authentication conversations in it, says what went wrong and why, with secrets redacted. Nothing is uploaded.',
  alternates: { canonical: '/troubleshoot/traffic' },
};

/** Issue 22: a reader's own recorded traffic, analysed in their browser (components/har). */
export default function TroubleshootTrafficPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight">Troubleshoot your own traffic</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Record the failing sign-in or API call in your browser&apos;s developer tools, save it as a HAR, and drop it here; or paste what <code>curl -v</code>{' '}
        printed. The lab picks out the authentication conversations, says what went wrong with the rule that decides it, and draws each exchange as the{' '}
        <SiteLink href="/playground" className="text-accent underline underline-offset-4">
          playground
        </SiteLink>{' '}
        does. For a single response,{' '}
        <SiteLink href="/troubleshoot" className="text-accent underline underline-offset-4">
          explain it on the troubleshooting page
        </SiteLink>
        .
      </p>
      <noscript>
        <p className="mt-4 rounded-md border border-line bg-surface p-3">
          Analysing a recording needs JavaScript: it runs in your browser, so nothing is uploaded.
        </p>
      </noscript>
      <div className="mt-8">
        <TrafficAnalyserInWorker />
      </div>
    </div>
  );
}
