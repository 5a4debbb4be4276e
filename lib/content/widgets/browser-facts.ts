import * as z from 'zod';
import { BROWSER_ENGINES, BROWSER_FACTS, CLIENT_NAMES, enginesDiffer, type FetchClient, outcomeText } from '../browser-facts';
import type { BrowserFact } from '../browser-facts-schema';
import { type InlineSegment, inlineSegments } from './inline-code';
import { parseWidgetProps, widgetError, widgetName } from './props';

// <BrowserFacts caption="..." ids={['fetch-407-not-the-proxy']} />: entries of content/browser-facts.yaml
// as a table, one row per fact, one column per engine. The ids are checked while the page is prerendered,
// so a lesson naming a fact that does not exist fails the build.

export const browserFactsPropsSchema = z
  .object({
    caption: z.string().trim().min(1, 'must not be empty'),
    ids: z.array(z.string()).min(1, 'needs at least one fact id'),
  })
  .strict();

export type BrowserFactsProps = z.input<typeof browserFactsPropsSchema>;

export type BrowserFactRow = { id: string; question: InlineSegment[]; cells: InlineSegment[][]; differ: boolean; note?: InlineSegment[] };
export type BrowserFactsModel = { caption: string; clients: { id: FetchClient; name: string }[]; rows: BrowserFactRow[] };

/** The model for `props`, with `facts` (the file's, by default) to look the ids up in. */
export function browserFactsModel(props: unknown, facts: readonly BrowserFact[] = BROWSER_FACTS): BrowserFactsModel {
  const name = widgetName('BrowserFacts', 'caption', (props as { caption?: unknown } | null)?.caption);
  const { caption, ids } = parseWidgetProps(browserFactsPropsSchema, props, name);
  const problems: string[] = [];
  const chosen: BrowserFact[] = [];
  ids.forEach((id, index) => {
    const fact = facts.find((candidate) => candidate.id === id);
    if (fact) chosen.push(fact);
    else problems.push(`ids.${index}: no fact "${id}" in content/browser-facts.yaml (its ids: ${facts.map((f) => f.id).join(', ')})`);
  });
  if (new Set(ids).size !== ids.length) problems.push('ids: names a fact twice');
  if (problems.length > 0) throw widgetError(name, problems);
  // Node's fetch gets a column when every row records it (the fetch-status facts).
  const clients: FetchClient[] = chosen.every((fact) => fact.kind === 'fetch-status') ? [...BROWSER_ENGINES, 'node'] : [...BROWSER_ENGINES];
  const rows = chosen.map((fact): BrowserFactRow => {
    const cells = clients.map((client) => inlineSegments(outcomeText(fact, client) ?? ''));
    const row: BrowserFactRow = { id: fact.id, question: inlineSegments(fact.question), cells, differ: enginesDiffer(fact) };
    return fact.note === undefined ? row : { ...row, note: inlineSegments(fact.note) };
  });
  return { caption, clients: clients.map((id) => ({ id, name: CLIENT_NAMES[id] })), rows };
}
