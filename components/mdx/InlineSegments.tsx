import type { InlineSegment } from '@/lib/content/widgets/inline-code';

/** Widget text with its `backtick` spans as <code> (see lib/content/widgets/inline-code.ts). */
export function InlineSegments({ segments }: { segments: readonly InlineSegment[] }) {
  return (
    <>
      {segments.map((segment, i) => {
        switch (segment.kind) {
          case 'text':
            return <span key={i}>{segment.text}</span>;
          case 'code':
            // A URL or a token in backticks may break anywhere: in a quiz's fieldset or an option's flex row
            // its unbroken width would otherwise set the widget's minimum and push a phone's page sideways.
            return (
              <code key={i} className="rounded border border-line bg-surface px-1 font-mono text-[0.9em] [overflow-wrap:anywhere]">
                {segment.text}
              </code>
            );
          default: {
            const unknown: never = segment;
            throw new Error(`Unknown inline segment ${JSON.stringify(unknown)}`);
          }
        }
      })}
    </>
  );
}
