import { boundedMap } from './bounded-map';
import { ONCE_SPACES, type OnceSpace, type OnceStore } from './store';

// The default store: one bounded Map per space in this process. Answers synchronously, and allocates
// per request no more than the Maps it replaces did: a claim stores a number, a raise one small record the
// first time a key is seen and updates it in place after.

/** Entries kept per space before the oldest are forgotten (the bound the per-check Maps had). */
export const MEMORY_STORE_LIMIT = 10_000;

type Counter = { value: number; expiresAt: number };

export function createMemoryStore(options: { now: () => number; limit?: number }): OnceStore {
  const { now } = options;
  const limit = options.limit ?? MEMORY_STORE_LIMIT;
  const claims = {} as Record<OnceSpace, Map<string, number>>;
  const counters = {} as Record<OnceSpace, Map<string, Counter>>;
  for (const space of ONCE_SPACES) {
    claims[space] = boundedMap<string, number>(limit);
    counters[space] = boundedMap<string, Counter>(limit);
  }
  return {
    kind: 'memory',
    claim(space, key, expiresAtMs) {
      const map = claims[space];
      const until = map.get(key);
      if (until !== undefined && until > now()) return false;
      map.set(key, expiresAtMs);
      return true;
    },
    seen(space, key) {
      const until = claims[space].get(key);
      return until !== undefined && until > now();
    },
    raise(space, key, value, expiresAtMs) {
      const map = counters[space];
      const counter = map.get(key);
      if (counter === undefined || counter.expiresAt <= now()) {
        map.set(key, { value, expiresAt: expiresAtMs });
        return true;
      }
      if (value <= counter.value) return false;
      counter.value = value;
      counter.expiresAt = expiresAtMs;
      // Most recently used last: boundedMap forgets from the front.
      map.set(key, counter);
      return true;
    },
    ready: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
