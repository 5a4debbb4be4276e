import * as z from 'zod';
import { parseWidgetProps, widgetError, widgetName } from './props';

const text = z.string().trim().min(1, 'must not be empty');

export const sequencePropsSchema = z
  .object({
    caption: text,
    lanes: z
      .array(text)
      .min(2, 'needs 2 or 3 lanes')
      .max(3, 'needs 2 or 3 lanes')
      .refine((lanes) => new Set(lanes).size === lanes.length, 'must not repeat a lane'),
    steps: z.array(z.object({ from: text, to: text, label: text, note: text.optional() }).strict()).min(1, 'needs at least one step'),
  })
  .strict();

export type SequenceProps = z.input<typeof sequencePropsSchema>;

/** One arrow: lane indexes, so the drawing needs no names to place it. */
export type SequenceStep = { from: number; to: number; label: string; note?: string };
export type SequenceModel = { caption: string; lanes: string[]; steps: SequenceStep[] };

export function sequenceModel(props: unknown): SequenceModel {
  const name = widgetName('SequenceDiagram', 'caption', (props as { caption?: unknown } | null)?.caption);
  const { caption, lanes, steps } = parseWidgetProps(sequencePropsSchema, props, name);
  const problems: string[] = [];
  const lane = (value: string, path: string): number => {
    const index = lanes.indexOf(value);
    if (index === -1) problems.push(`${path}: ${JSON.stringify(value)} is not a lane (lanes: ${lanes.map((l) => JSON.stringify(l)).join(', ')})`);
    return index;
  };
  const model = steps.map((step, i): SequenceStep => {
    const from = lane(step.from, `steps.${i}.from`);
    const to = lane(step.to, `steps.${i}.to`);
    if (from !== -1 && from === to) problems.push(`steps.${i}: from and to are both ${JSON.stringify(step.from)}; an arrow joins two lanes`);
    return step.note === undefined ? { from, to, label: step.label } : { from, to, label: step.label, note: step.note };
  });
  if (problems.length > 0) throw widgetError(name, problems);
  return { caption, lanes, steps: model };
}
