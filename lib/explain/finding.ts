import type { LocatedParam } from './locate';
import { type SourceField, type Span, locate } from './source';
import type { Finding, Severity } from './types';

const RFC_CITATION = /RFC \d+ §\d+(?:\.\d+)*/;

/** A finding at `span`; its rule is the first RFC section the message cites unless `rfc` names one. */
export function finding(severity: Severity, code: string, message: string, span: Span, rfc?: string): Finding {
  const cited = rfc ?? RFC_CITATION.exec(message)?.[0];
  return { severity, code, message, ...span, ...(cited ? { rfc: cited } : {}) };
}

/** The characters of a parameter's value, or the whole field value when the parameter was not located. */
export const valueSpan = (field: SourceField, p: LocatedParam | undefined): Span =>
  p ? locate(field, p.valueIndex, p.valueLength) : locate(field, 0, field.value.length);
