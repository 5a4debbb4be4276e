import * as z from 'zod';
import { type AuthHeaderGrammar, type AuthHeaderPart, authHeaderParts } from '@/lib/http-auth';
import { parseWidgetProps, widgetError, widgetName } from './props';

// The header fields whose values RFC 9110 §11 gives an auth grammar, and which grammar reads each.
export const ANATOMY_FIELDS = {
  'WWW-Authenticate': 'challenges',
  'Proxy-Authenticate': 'challenges',
  Authorization: 'credentials',
  'Proxy-Authorization': 'credentials',
  'Authentication-Info': 'auth-info',
  'Proxy-Authentication-Info': 'auth-info',
} as const satisfies Record<string, AuthHeaderGrammar>;

export type AnatomyField = keyof typeof ANATOMY_FIELDS;

export const headerAnatomyPropsSchema = z
  .object({
    field: z.enum(Object.keys(ANATOMY_FIELDS) as [AnatomyField, ...AnatomyField[]]),
    value: z.string().trim().min(1, 'must not be empty'),
  })
  .strict();

export type HeaderAnatomyProps = z.input<typeof headerAnatomyPropsSchema>;

/** The value cut into runs: labelled parts and the separators (spaces, commas, "=") between them. */
export type AnatomyRun = { kind: 'separator'; text: string } | { kind: 'part'; text: string; part: AuthHeaderPart };
export type AnatomyModel = { field: AnatomyField; value: string; runs: AnatomyRun[]; elements: number };

export function headerAnatomyModel(props: unknown): AnatomyModel {
  const name = widgetName('HeaderAnatomy', 'field', (props as { field?: unknown } | null)?.field);
  const { field, value } = parseWidgetProps(headerAnatomyPropsSchema, props, name);
  const result = authHeaderParts(ANATOMY_FIELDS[field], value);
  if (!result.ok) {
    throw widgetError(name, [`value: ${JSON.stringify(value)} does not parse as ${field}: ${result.error.message} (at character ${result.error.index + 1})`]);
  }
  const parts = result.value;
  if (parts.length === 0) throw widgetError(name, [`value: ${JSON.stringify(value)} holds no challenge or parameter`]);
  const runs: AnatomyRun[] = [];
  let at = 0;
  for (const part of parts) {
    if (part.start > at) runs.push({ kind: 'separator', text: value.slice(at, part.start) });
    runs.push({ kind: 'part', text: value.slice(part.start, part.end), part });
    at = part.end;
  }
  if (at < value.length) runs.push({ kind: 'separator', text: value.slice(at) });
  return { field, value, runs, elements: new Set(parts.map((p) => p.element)).size };
}
