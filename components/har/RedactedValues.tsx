import type { RedactedPlaceholder } from './placeholders';

// The secrets a conversation's messages hide, by placeholder. "Reveal" asks the worker, which alone holds the
// originals, for one value; it is shown here, on this device, and never goes into the report or the link.

export type Revealed = Readonly<Record<string, { kind: 'asked' } | { kind: 'shown'; value: string } | { kind: 'unknown' }>>;

export function RedactedValues({
  placeholders,
  revealed,
  onReveal,
  onHide,
}: {
  placeholders: readonly RedactedPlaceholder[];
  /** Undefined for a shared report: it never held the originals. */
  revealed: Revealed | undefined;
  onReveal: (id: string) => void;
  onHide: (id: string) => void;
}) {
  if (placeholders.length === 0) return null;
  return (
    <details className="rounded-md border border-line p-3">
      <summary className="cursor-pointer text-sm font-semibold">Redacted values ({placeholders.length})</summary>
      {revealed === undefined ? (
        <p className="mt-2 text-sm text-muted">This report was shared without its secrets: they stayed on the device that analysed the recording.</p>
      ) : (
        <p className="mt-2 text-sm text-muted">A revealed value shows here only, on this device; copies and share links keep it redacted.</p>
      )}
      <ul className="mt-2 space-y-2">
        {placeholders.map(({ id, shape }) => {
          const state = revealed?.[id];
          return (
            <li key={id} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-mono">
                #{id}: {shape}
              </span>
              {revealed === undefined ? null : state?.kind === 'shown' ? (
                <>
                  <code aria-label={`Value of #${id}`} className="rounded bg-surface px-1 break-all">
                    {state.value}
                  </code>
                  <button type="button" onClick={() => onHide(id)} className="rounded border border-line px-2 py-0.5 text-xs font-medium hover:bg-surface">
                    Hide #{id}
                  </button>
                </>
              ) : state?.kind === 'unknown' ? (
                <span>Not known: the analysis that held it is gone.</span>
              ) : (
                <button
                  type="button"
                  disabled={state?.kind === 'asked'}
                  onClick={() => onReveal(id)}
                  className="rounded border border-line px-2 py-0.5 text-xs font-medium hover:bg-surface"
                >
                  Reveal #{id}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}
