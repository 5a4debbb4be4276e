import type { Metadata } from 'next';
import { SharedRunReport } from '@/components/clients/SharedRunReport';
import { runPath } from '@/lib/sandbox/routes/paths';

// A run's report at a link to share (issue 21). The report is read in the browser from the run API: the
// runs live in the lab's memory (lib/compat/run-store.ts), and the run id in the URL is its only key.

export const metadata: Metadata = {
  title: 'A client test report',
  description: 'What the lab saw of one client, case by case, and whether it follows the RFCs.',
  // Run ids are capabilities that expire within the hour: nothing here for a search engine.
  robots: { index: false, follow: false },
};

export default async function RunReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight break-words">
        Client test report <span className="font-mono text-xl break-all">{id}</span>
      </h1>
      <div className="mt-4">
        <noscript>
          <p className="mb-4 rounded-md border border-line bg-surface p-3">
            This page reads the report with JavaScript; without it, the same report is the JSON at <code className="font-mono break-all">{runPath(id)}</code>.
          </p>
        </noscript>
        <SharedRunReport id={id} />
      </div>
    </div>
  );
}
