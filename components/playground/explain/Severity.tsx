import type { Severity } from '@/lib/explain';

// Severity in words and a shape, with colour only as a third cue (WCAG 1.4.1).
const LOOK: Record<Severity, { word: string; icon: string; tone: string }> = {
  error: { word: 'Error', icon: '✕', tone: 'border-rose-700 text-rose-800 dark:border-rose-300 dark:text-rose-200' },
  warning: { word: 'Warning', icon: '!', tone: 'border-amber-700 text-amber-900 dark:border-amber-300 dark:text-amber-200' },
  info: { word: 'Note', icon: 'i', tone: 'border-sky-700 text-sky-900 dark:border-sky-300 dark:text-sky-200' },
};

export function severityWord(severity: Severity): string {
  return LOOK[severity].word;
}

export function SeverityLabel({ severity }: { severity: Severity }) {
  const { word, icon, tone } = LOOK[severity];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1 rounded border px-1.5 py-0.5 text-xs font-semibold ${tone}`}>
      <span aria-hidden="true" className="font-mono">
        {icon}
      </span>
      {word}
    </span>
  );
}
