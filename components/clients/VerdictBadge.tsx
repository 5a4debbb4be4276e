import type { CaseVerdict } from '@/lib/compat/grade';
import { VERDICT_WORDS } from '@/lib/clients/run-progress';

// A verdict as a word and a shape, so it never rests on colour (WCAG 1.4.1): a tick, a tilde, a cross, a
// clock face; the colour only repeats what the word says.
const TONES: Record<CaseVerdict, string> = {
  follows: 'border-emerald-700 text-emerald-900 dark:border-emerald-300 dark:text-emerald-200',
  differs: 'border-amber-700 text-amber-900 dark:border-amber-300 dark:text-amber-200',
  fails: 'border-rose-700 text-rose-900 dark:border-rose-300 dark:text-rose-200',
  pending: 'border-line text-muted',
};

const ICONS: Record<CaseVerdict, string> = {
  follows: 'M3 8.5l3 3 7-7',
  differs: 'M2.5 9c1.5-2 3-2 5.5 0s4 2 5.5 0',
  fails: 'M4 4l8 8M12 4l-8 8',
  pending: 'M8 4.5V8l2.5 2M14 8A6 6 0 1 1 2 8a6 6 0 0 1 12 0z',
};

/**
 * `compact`: the verdict's own word (follows, differs, fails), for a cell of the /clients matrix.
 * `wordFrom="sm"`: below that width the word is for screen readers only and the shape says it, for a matrix
 * cell on a phone, where the cell's link names the verdict in words and the legend pairs each shape with it.
 */
export function VerdictBadge({ verdict, compact = false, wordFrom }: { verdict: CaseVerdict; compact?: boolean; wordFrom?: 'sm' }) {
  const word = compact ? verdict : VERDICT_WORDS[verdict];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${TONES[verdict]}`}>
      <svg
        aria-hidden="true"
        viewBox="0 0 16 16"
        className="h-3.5 w-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={ICONS[verdict]} />
      </svg>
      {wordFrom === 'sm' ? <span className="sr-only sm:not-sr-only">{word}</span> : word}
    </span>
  );
}
