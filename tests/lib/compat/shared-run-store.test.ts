import { createClient } from '@redis/client';
import type { CaseObservation } from '@/lib/compat/observation';
import { sharedRunStore } from '@/lib/compat/shared-run-store';
import { createMemoryStore } from '@/lib/sandbox/store/memory';
import { createRedisStore } from '@/lib/sandbox/store/redis';
import type { OnceStore } from '@/lib/sandbox/store/store';
import { redisServerAvailable, startRedisServer, type RedisServer } from '../../http/support/redis-server';

// Runs kept in the sandbox's store (what REDIS_URL gives every instance): the bounds of the memory run
// store (requests per case, bytes per run, runs in number, lifetime), held by the store itself, here over
// the memory store and over a real redis-server, where two clients (two instances) share the runs.

jest.setTimeout(20_000);

const observation = (note: string, caseId = 'c'): CaseObservation => ({ caseId, leg: 'first', method: 'GET', status: 401, outcome: 'challenged', note });
const limits = { runs: 3, requestsPerCase: 4, bytesPerRun: 1_000 };

function contract(name: string, stores: () => [OnceStore, OnceStore], clock: () => number) {
  describe(name, () => {
    const run = (id: string, lifetime = 60_000) => ({
      id,
      createdAt: clock(),
      expiresAt: clock() + lifetime,
      caseIds: ['c', 'd'],
      origin: 'http://localhost:3000',
    });

    test('a run started through one store is read, and recorded into, through the other', async () => {
      const [a, b] = stores().map((store) => sharedRunStore(store, limits));
      const started = run('shared');
      await a?.create(started);
      expect(await b?.settings('shared', clock())).toEqual(started);
      expect(await a?.record('shared', 'c', observation('from a'), clock())).toBe(true);
      expect(await b?.record('shared', 'd', observation('from b', 'd'), clock())).toBe(true);
      for (const store of [a, b]) {
        const read = await store?.get('shared', clock());
        expect(read?.observations.get('c')).toEqual([observation('from a')]);
        expect(read?.observations.get('d')).toEqual([observation('from b', 'd')]);
        expect(read?.dropped.size).toBe(0);
      }
    });

    test('keeps requests per case up to the bound, then counts the rest', async () => {
      const store = sharedRunStore(stores()[0], limits);
      await store.create(run('a'));
      for (let i = 0; i < 6; i++) expect(await store.record('a', 'c', observation(`n${i}`), clock())).toBe(true);
      const kept = await store.get('a', clock());
      expect(kept?.observations.get('c')?.map((o) => o.note)).toEqual(['n0', 'n1', 'n2', 'n3']);
      expect(kept?.dropped.get('c')).toBe(2);
      expect(kept?.dropped.get('d')).toBeUndefined();
    });

    test('a run keeps at most bytesPerRun of observations across its cases: huge fields are counted, not kept', async () => {
      const store = sharedRunStore(stores()[0], { ...limits, requestsPerCase: 100 });
      await store.create(run('a'));
      await store.record('a', 'c', observation('x'.repeat(600)), clock());
      await store.record('a', 'd', observation('y'.repeat(600), 'd'), clock());
      const kept = await store.get('a', clock());
      expect(kept?.observations.get('c')).toHaveLength(1);
      expect(kept?.observations.get('d')).toBeUndefined();
      expect(kept?.dropped.get('d')).toBe(1);
      expect(kept?.bytes).toBeLessThanOrEqual(1_000);
    });

    test('past the number of runs the oldest goes, with what it recorded; an unknown run records nothing', async () => {
      const store = sharedRunStore(stores()[0], limits);
      for (const id of ['a', 'b', 'c', 'd']) {
        await store.create(run(id));
        await store.record(id, 'c', observation(id), clock());
      }
      expect(await store.get('a', clock())).toBeUndefined();
      expect((await store.get('d', clock()))?.observations.get('c')).toEqual([observation('d')]);
      expect(await store.record('a', 'c', observation('late'), clock())).toBe(false);
      expect(await store.record('never', 'c', observation('late'), clock())).toBe(false);
    });

    test('an expired run is gone and records nothing', async () => {
      const store = sharedRunStore(stores()[0], limits);
      await store.create(run('a', 60_000));
      expect(await store.get('a', clock() + 60_000)).toBeUndefined();
      expect(await store.settings('a', clock() + 60_000)).toBeUndefined();
      expect(await store.record('a', 'c', observation('late'), clock() + 60_000)).toBe(false);
    });
  });
}

const now = Date.UTC(2026, 11, 6, 12, 0, 0);
contract(
  'over the memory store',
  () => {
    const store = createMemoryStore({ now: () => now });
    return [store, store];
  },
  () => now,
);

const haveRedis = redisServerAvailable();
(haveRedis ? describe : describe.skip)('over Redis, shared by two clients', () => {
  let server: RedisServer;
  const opened: OnceStore[] = [];
  beforeAll(async () => {
    server = await startRedisServer();
  });
  beforeEach(async () => {
    const raw = createClient({ url: server.url });
    await raw.connect();
    await raw.flushAll();
    await raw.close();
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await server?.stop();
  });
  contract(
    'redis',
    () => {
      const pair: [OnceStore, OnceStore] = [createRedisStore({ url: server.url }), createRedisStore({ url: server.url })];
      opened.push(...pair);
      return pair;
    },
    () => Date.now(),
  );

  test('every key a run writes expires with the run', async () => {
    const store = createRedisStore({ url: server.url });
    opened.push(store);
    const runs = sharedRunStore(store, limits);
    const expiresAt = Date.now() + 60_000;
    await runs.create({ id: 'r', createdAt: Date.now(), expiresAt, caseIds: ['c'], origin: 'http://localhost:3000' });
    await runs.record('r', 'c', observation('one'), Date.now());
    const raw = createClient({ url: server.url });
    await raw.connect();
    try {
      const keys = await raw.keys('*');
      expect(keys.length).toBeGreaterThanOrEqual(4);
      for (const key of keys) {
        expect(key.startsWith('lab:client-run:')).toBe(true);
        const ttl = await raw.pTTL(key);
        expect(ttl).toBeGreaterThan(50_000);
        expect(ttl).toBeLessThanOrEqual(60_000);
      }
    } finally {
      await raw.close();
    }
  });
});
