import type { HeaderList } from '@/lib/sandbox/message';

// Edits on an ordered header list. Order and repetition are part of what the reader experiments
// with (two Authorization lines are a 400, RFC 9110 §11.6.2 allows only one), so nothing here sorts,
// merges or de-duplicates unless asked to. Names compare case-insensitively (RFC 9110 §5.1).

export type CredentialsField = 'Authorization' | 'Proxy-Authorization';

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const inRange = (headers: HeaderList, index: number) => Number.isInteger(index) && index >= 0 && index < headers.length;

/**
 * Sets a single field: the first line with that name (any case) takes the new value in place, later
 * lines of the same name go; with no such line it is appended. null removes every line of that name.
 */
export function withField(headers: HeaderList, name: string, value: string | null): HeaderList {
  const first = headers.findIndex(([key]) => sameName(key, name));
  if (value === null) return headers.filter(([key]) => !sameName(key, name));
  if (first === -1) return [...headers, [name, value]];
  return headers.flatMap(([key, old], index): HeaderList => {
    if (index === first) return [[name, value]];
    return sameName(key, name) ? [] : [[key, old]];
  });
}

export function withHeaderAt(headers: HeaderList, index: number, name: string, value: string): HeaderList {
  if (!inRange(headers, index)) return headers;
  return headers.map((header, at) => (at === index ? [name, value] : header));
}

export function withoutHeaderAt(headers: HeaderList, index: number): HeaderList {
  return inRange(headers, index) ? headers.filter((_, at) => at !== index) : headers;
}

/** Swaps a line with its neighbour; moving past either end leaves the list as it was. */
export function withHeaderMoved(headers: HeaderList, index: number, direction: 'up' | 'down'): HeaderList {
  const other = direction === 'up' ? index - 1 : index + 1;
  if (!inRange(headers, index) || !inRange(headers, other)) return headers;
  const moved = [...headers];
  [moved[index], moved[other]] = [moved[other] as [string, string], moved[index] as [string, string]];
  return moved;
}
