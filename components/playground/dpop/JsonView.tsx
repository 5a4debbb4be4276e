import { useId } from 'react';

/** A labelled JSON value, pretty-printed: a proof's header or claims, a public key, a token's claims. */
export function JsonView({ label, value }: { label: string; value: unknown }) {
  const captionId = useId();
  return (
    // Named by its caption explicitly: not every accessibility API derives a figure's name from figcaption.
    <figure aria-labelledby={captionId} className="mt-2">
      <figcaption id={captionId} className="text-sm font-semibold">
        {label}
      </figcaption>
      <pre className="mt-1 overflow-auto rounded bg-surface p-2 font-mono text-xs break-all whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>
    </figure>
  );
}
