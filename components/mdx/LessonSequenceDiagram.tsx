import { useId } from 'react';
import { SequenceSvg } from '@/components/ui/SequenceSvg';
import { type SequenceProps, sequenceModel } from '@/lib/content/widgets/sequence';
import { domId } from './dom-id';

// A label that starts with a status code ("407 Proxy-Authenticate: Basic") is a response: drawn dashed.
const RESPONSE_LABEL = /^\d{3}\b/;

/**
 * <SequenceDiagram caption lanes steps>: 2 or 3 lanes drawn as SVG (scaled to fit a narrow screen), followed by the same steps as an ordered list, the text alternative every reader can use.
 */
export function LessonSequenceDiagram(props: SequenceProps) {
  const { caption, lanes, steps } = sequenceModel(props);
  const base = `sequence-${domId(useId())}`;
  const lane = (index: number) => lanes[index] ?? '';
  return (
    <figure className="not-prose my-6 min-w-0 rounded-lg border border-line p-3" aria-labelledby={`${base}-caption`}>
      <figcaption id={`${base}-caption`} className="mb-2 text-sm font-medium">
        {caption}
      </figcaption>
      <div>
        <SequenceSvg
          lanes={lanes}
          arrows={steps.map((step, i) => ({ ...step, label: `${i + 1}. ${step.label}`, dashed: RESPONSE_LABEL.test(step.label) }))}
          idPrefix={base}
          title={`Sequence diagram: ${caption}. ${steps.length} messages between ${lanes.join(', ')}; the steps follow as a list.`}
        />
      </div>
      <p className="sr-only">The same steps in words:</p>
      <ol className="mt-2 list-decimal space-y-0.5 pl-6 text-sm text-muted">
        {steps.map((step, i) => (
          <li key={i}>
            {lane(step.from)} → {lane(step.to)}: {step.label}
            {step.note ? <span className="italic"> ({step.note})</span> : null}
          </li>
        ))}
      </ol>
    </figure>
  );
}
