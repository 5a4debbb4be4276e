import { boundedMap } from './bounded-map';
import { ONCE_SPACES, RECORD_SPACES, recordJson, type OnceSpace, type OnceStore, type RecordSpace } from './store';

// The default store: one bounded Map per space in this process. Answers synchronously, and allocates
// per request no more than the Maps it replaces did: a claim stores a number, a raise one small record the
// first time a key is seen and updates it in place after.

/** Entries kept per space before the oldest are forgotten (the bound the per-check Maps had). */
export const MEMORY_STORE_LIMIT = 10_000;

type Counter = { value: number; expiresAt: number };
/** JSON texts, so what a caller reads back is a copy it cannot change in the store. */
type Kept = { json: string; expiresAt: number };
type List = { entries: string[]; refused: number; expiresAt: number };
type Budget = { bytes: number; expiresAt: number };

const utf8 = new TextEncoder();

/** Records kept per space (runs are few and short-lived; each is bounded in size too). */
export const MEMORY_RECORD_LIMIT = 1_000;

export function createMemoryStore(options: { now: () => number; limit?: number }): OnceStore {
  const { now } = options;
  const limit = options.limit ?? MEMORY_STORE_LIMIT;
  const claims = {} as Record<OnceSpace, Map<string, number>>;
  const counters = {} as Record<OnceSpace, Map<string, Counter>>;
  for (const space of ONCE_SPACES) {
    claims[space] = boundedMap<string, number>(limit);
    counters[space] = boundedMap<string, Counter>(limit);
  }
  const records = {} as { [space in RecordSpace]: Map<string, Kept> };
  const lists = {} as { [space in RecordSpace]: Map<string, List> };
  const budgets = {} as { [space in RecordSpace]: Map<string, Budget> };
  // Live keys in the order they were enlisted, with their expiry: the oldest leave first.
  const indexes = {} as { [space in RecordSpace]: Map<string, number> };
  for (const space of RECORD_SPACES) {
    records[space] = boundedMap<string, Kept>(MEMORY_RECORD_LIMIT);
    lists[space] = boundedMap<string, List>(MEMORY_RECORD_LIMIT);
    budgets[space] = boundedMap<string, Budget>(MEMORY_RECORD_LIMIT);
    indexes[space] = new Map<string, number>();
  }
  const live = <T extends { expiresAt: number }>(map: Map<string, T>, key: string): T | undefined => {
    const found = map.get(key);
    if (found === undefined || found.expiresAt > now()) return found;
    map.delete(key);
    return undefined;
  };
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
    async putJson(space, key, value, expiresAtMs) {
      const json = recordJson(value);
      if (json === undefined) return false;
      records[space].set(key, { json, expiresAt: expiresAtMs });
      return true;
    },
    async getJson(space, key) {
      const found = live(records[space], key);
      return found === undefined ? undefined : JSON.parse(found.json);
    },
    async appendJson(space, key, value, { expiresAtMs, maxEntries, budget }) {
      const list = live(lists[space], key) ?? { entries: [], refused: 0, expiresAt: expiresAtMs };
      list.expiresAt = expiresAtMs;
      lists[space].set(key, list);
      const json = recordJson(value);
      const shared = budget === undefined ? undefined : (live(budgets[space], budget.key) ?? { bytes: 0, expiresAt: expiresAtMs });
      const size = json === undefined ? 0 : utf8.encode(json).byteLength;
      if (json === undefined || list.entries.length >= maxEntries || (budget && shared && shared.bytes + size > budget.maxBytes)) {
        list.refused += 1;
        return false;
      }
      list.entries.push(json);
      if (budget && shared) {
        shared.bytes += size;
        shared.expiresAt = expiresAtMs;
        budgets[space].set(budget.key, shared);
      }
      return true;
    },
    async listJson(space, key) {
      const list = live(lists[space], key);
      return { entries: (list?.entries ?? []).map((json) => JSON.parse(json) as unknown), refused: list?.refused ?? 0 };
    },
    async enlist(space, key, expiresAtMs, limit) {
      const index = indexes[space];
      for (const [name, until] of index) if (until <= now()) index.delete(name);
      index.delete(key);
      index.set(key, expiresAtMs);
      const evicted: string[] = [];
      for (const name of index.keys()) {
        if (index.size <= limit) break;
        index.delete(name);
        evicted.push(name);
      }
      return evicted;
    },
    async forgetJson(space, keys) {
      for (const name of keys) {
        records[space].delete(name);
        lists[space].delete(name);
        budgets[space].delete(name);
        indexes[space].delete(name);
      }
    },
    ready: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
