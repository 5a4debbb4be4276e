import type { BrowserOutcome } from '@/lib/clients/browser-run';
import type { GradedCase, StartedCase } from '@/lib/clients/run-api';
import { RunCaseCard } from './RunCaseCard';

/** The cases of a run, each with its grade once the report has it. */
export function RunCases({
  cases,
  graded,
  browser,
}: {
  cases: readonly StartedCase[];
  graded?: readonly GradedCase[];
  browser?: ReadonlyMap<string, BrowserOutcome>;
}) {
  return (
    <ol className="mt-4 space-y-4" aria-label="Cases">
      {cases.map((c) => (
        <RunCaseCard key={c.id} c={c} grade={graded?.find((g) => g.id === c.id)} browser={browser?.get(c.id)} />
      ))}
    </ol>
  );
}
