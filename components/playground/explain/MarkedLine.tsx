import { excerpt } from '@/lib/explain/excerpt';

/**
 * One line of the paste with the characters in question inside <mark>, and a caret line under them
 * so the mark reads without colour. The box scrolls sideways on its own: long lines never widen the page.
 */
export function MarkedLine({ text, line, column, length }: { text: string; line: number; column: number; length: number }) {
  const { before, marked, after, caret } = excerpt(text, column, length);
  const label = `Line ${line} of the paste${length > 0 ? `, ${length} character${length === 1 ? '' : 's'} marked` : ', position marked'}`;
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mt-2 max-w-full overflow-x-auto rounded border border-line bg-surface">
      <pre className="w-max min-w-full px-2 py-1.5 font-mono text-sm leading-snug">
        <code>
          <span aria-hidden="true" className="text-muted select-none">
            {`${line} | `}
          </span>
          {before}
          <mark className="rounded-sm bg-amber-200 text-black dark:bg-amber-300 dark:text-black">
            <span className="sr-only">[marked: </span>
            {marked || <span className="sr-only">here</span>}
            <span className="sr-only">]</span>
          </mark>
          {after}
        </code>
        {'\n'}
        <span aria-hidden="true" className="font-semibold text-rose-800 dark:text-rose-200">
          {' '.repeat(String(line).length + 3)}
          {caret}
        </span>
      </pre>
    </div>
  );
}
