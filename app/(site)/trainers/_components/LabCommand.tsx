import { OriginText } from '@/components/ui/OriginText';

/**
 * A command a trainer runs in the lab's source to build packages for this lab: the build's origin in the
 * server's HTML (complete without JavaScript), the origin the reader is on once hydrated, so a package
 * built from it calls and links to the lab the trainer is reading.
 */
export function LabCommand({ command, origin, label }: { command: string; origin: string; label: string }) {
  return (
    <figure>
      <figcaption className="text-sm font-semibold">{label}</figcaption>
      <pre className="mt-1 overflow-x-auto rounded-md border border-line bg-surface p-3 font-mono text-sm whitespace-pre-wrap">
        <code>
          <OriginText text={command} origin={origin} />
        </code>
      </pre>
    </figure>
  );
}
