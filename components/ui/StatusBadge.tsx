import { reasonPhrase } from '@/lib/sandbox/reason-phrases';

// A status code with its reason phrase in words, so meaning never rests on colour (WCAG 1.4.1).
const TONES: Record<number, string> = {
  401: 'border-amber-700 text-amber-900 dark:border-amber-300 dark:text-amber-200',
  403: 'border-rose-700 text-rose-900 dark:border-rose-300 dark:text-rose-200',
  407: 'border-violet-700 text-violet-900 dark:border-violet-300 dark:text-violet-200',
};

export function StatusBadge({ status }: { status: number }) {
  const tone = TONES[status] ?? 'border-line text-ink';
  return (
    <span className={`inline-flex items-center gap-1 rounded border px-1.5 py-0.5 font-mono text-xs font-semibold ${tone}`}>
      {status}
      <span className="font-sans font-medium">{reasonPhrase(status) || 'Unknown status'}</span>
    </span>
  );
}
