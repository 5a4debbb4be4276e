import * as z from 'zod';
import { parseWidgetProps, widgetName } from './props';

// <InDepth title="..."> folds deep material (RFC grammar, edge cases, the history of a rule) so a
// lesson reads short and still keeps every fact (issue 16). The title is what a closed one shows.
export const inDepthPropsSchema = z
  .object({
    title: z.string().trim().min(3, 'must name what is inside, e.g. "How a proxy forwards Authorization"').max(100),
  })
  .strict();

export type InDepthProps = z.input<typeof inDepthPropsSchema>;

/** The tag authors write, and the one the lesson reader's rules name (lib/content/folded-headings.ts). */
export const IN_DEPTH_TAG = 'InDepth';

export function inDepthModel(props: unknown): z.output<typeof inDepthPropsSchema> {
  return parseWidgetProps(inDepthPropsSchema, props, widgetName(IN_DEPTH_TAG, 'title', (props as { title?: unknown } | null)?.title));
}
