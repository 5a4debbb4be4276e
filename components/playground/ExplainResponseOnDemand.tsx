'use client';

import { lazy, Suspense } from 'react';
import { WhenNearViewport } from '@/components/ui/WhenNearViewport';

// The Explain tool (the header parser, its diagnostics and the rules that word them) sits below the
// playground, so it is a chunk of its own, fetched as the reader scrolls towards it.
const ExplainResponse = lazy(() => import('./ExplainResponse').then((module) => ({ default: module.ExplainResponse })));

function Placeholder({ load }: { load?: () => void }) {
  return (
    <div className="rounded-lg border border-dashed border-line p-4 text-sm text-muted">
      <p>The Explain tool loads as you scroll here (it needs JavaScript).</p>
      {load ? (
        <button type="button" onClick={load} className="mt-2 rounded border border-line px-3 py-1.5 font-medium text-ink hover:bg-surface">
          Load the Explain tool now
        </button>
      ) : null}
    </div>
  );
}

export function ExplainResponseOnDemand() {
  return (
    <WhenNearViewport placeholder={(load) => <Placeholder load={load} />}>
      {(requested) => (
        <Suspense fallback={<Placeholder />}>
          <ExplainResponse autoFocus={requested} />
        </Suspense>
      )}
    </WhenNearViewport>
  );
}
