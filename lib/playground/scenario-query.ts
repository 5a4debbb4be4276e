import { OVERRIDE_PARAMETERS } from '@/lib/sandbox/scenario/overrides';

// The scenario lives in the target's query string (/api/sandbox/presets/basic?realm=x&qop=auth-int),
// so one URL is the whole experiment. Editing one parameter must leave the path and every other
// parameter exactly as the reader wrote them, in order and with their own percent-encoding: the
// query is edited as raw "name=value" segments, never re-serialised through URLSearchParams.

export type ScenarioParameter = (typeof OVERRIDE_PARAMETERS)[number];

export function isScenarioParameter(name: string): name is ScenarioParameter {
  return (OVERRIDE_PARAMETERS as readonly string[]).includes(name);
}

/** application/x-www-form-urlencoded decoding of one name, as the sandbox's URLSearchParams does it. */
function decodeName(segment: string): string {
  const raw = segment.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Percent-encodes a value, leaving the characters RFC 3986 §3.4 allows in a query that carry no
 * meaning in form encoding (, : / @ ; $ ?) readable: schemes=digest,basic stays as typed.
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%(2C|3A|2F|40|3B|24|3F)/g, (escape) => decodeURIComponent(escape));
}

/** The value of a scenario parameter in a target, as the sandbox reads it (first occurrence). */
export function scenarioParam(target: string, name: ScenarioParameter): string | null {
  const at = target.indexOf('?');
  return at === -1 ? null : new URLSearchParams(target.slice(at + 1)).get(name);
}

/**
 * Sets (or with null removes) one parameter of the target's query. The first occurrence is replaced
 * in place; later ones go, because the sandbox reads only the first and a stale duplicate misleads.
 */
export function withScenarioParam(target: string, name: ScenarioParameter, value: string | null): string {
  const at = target.indexOf('?');
  const path = at === -1 ? target : target.slice(0, at);
  const query = at === -1 ? '' : target.slice(at + 1);
  const segments = query === '' ? [] : query.split('&');
  const replacement = value === null ? [] : [`${name}=${encodeQueryValue(value)}`];
  let replaced = false;
  const kept = segments.flatMap((segment) => {
    if (decodeName(segment) !== name) return [segment];
    if (replaced) return [];
    replaced = true;
    return replacement;
  });
  const result = replaced ? kept : [...kept, ...replacement];
  return result.length === 0 ? path : `${path}?${result.join('&')}`;
}
