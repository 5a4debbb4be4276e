import { createClient } from '@redis/client';
import { createMemoryStore } from '@/lib/sandbox/store/memory';
import { createRedisStore, redisUrlFromEnvironment } from '@/lib/sandbox/store/redis';
import { StoreUnavailable, type OnceStore } from '@/lib/sandbox/store/store';
import { freePort } from '../../../scripts/serve-build.mjs';
import { redisServerAvailable, startRedisServer, type RedisServer } from '../../http/support/redis-server';

// The store the once-only checks share (lib/sandbox/store): the same contract in memory and in a real
// redis-server this file starts on a free loopback port.

jest.setTimeout(20_000);

type Subject = {
  store: () => OnceStore;
  /** The store's clock. */
  now: () => number;
  /** Lets `ms` pass on the store's clock. */
  pass: (ms: number) => Promise<void>;
};

function contract(name: string, subject: () => Subject) {
  describe(`${name}: the store contract`, () => {
    let s: Subject;
    let store: OnceStore;
    beforeEach(() => {
      s = subject();
      store = s.store();
    });

    test('a key is claimed once; another key, or the same key in another space, is its own', async () => {
      const until = s.now() + 60_000;
      expect(await store.seen('oauth-code', 'c1')).toBe(false);
      expect(await store.claim('oauth-code', 'c1', until)).toBe(true);
      expect(await store.claim('oauth-code', 'c1', until)).toBe(false);
      expect(await store.seen('oauth-code', 'c1')).toBe(true);
      expect(await store.claim('oauth-code', 'c2', until)).toBe(true);
      expect(await store.claim('dpop-proof', 'c1', until)).toBe(true);
      expect(await store.seen('ntlm-proof', 'c1')).toBe(false);
    });

    test('a claim lasts until it expires, then the key can be claimed again', async () => {
      expect(await store.claim('ntlm-proof', 'p', s.now() + 600)).toBe(true);
      await s.pass(50);
      expect(await store.claim('ntlm-proof', 'p', s.now() + 600)).toBe(false);
      await s.pass(800);
      expect(await store.seen('ntlm-proof', 'p')).toBe(false);
      expect(await store.claim('ntlm-proof', 'p', s.now() + 600)).toBe(true);
    });

    test.each([
      ['rising counts', [1, 2, 3], [true, true, true]],
      ['the same count again (a replay)', [1, 1], [true, false]],
      ['a lower count after a higher one', [5, 3], [true, false]],
      ['a gap is fine; going back is not', [1, 3, 2, 4], [true, true, false, true]],
      ['nc at its largest (ffffffff)', [0xfffffffe, 0xffffffff, 0xffffffff], [true, true, false]],
    ])('raise: %s', async (_, values, expected) => {
      const answers: boolean[] = [];
      for (const value of values) answers.push(await store.raise('digest-nc', 'nonce cnonce', value, s.now() + 60_000));
      expect(answers).toEqual(expected);
    });

    test('raise: each key counts on its own, and a count forgotten after its expiry starts again', async () => {
      expect(await store.raise('digest-nc', 'n1 a', 5, s.now() + 600)).toBe(true);
      expect(await store.raise('digest-nc', 'n1 b', 1, s.now() + 600)).toBe(true);
      expect(await store.raise('digest-nc', 'n1 a', 5, s.now() + 600)).toBe(false);
      await s.pass(800);
      expect(await store.raise('digest-nc', 'n1 a', 1, s.now() + 600)).toBe(true);
    });

    test('records: putJson keeps a copy until it expires; getJson reads it back', async () => {
      const run = { id: 'r1', scenario: { scheme: 'digest' }, started: 1 };
      await expect(store.putJson('client-run', 'r1', run, s.now() + 1_000)).resolves.toBe(true);
      const read = await store.getJson('client-run', 'r1');
      expect(read).toEqual(run);
      (read as { id: string }).id = 'changed';
      await expect(store.getJson('client-run', 'r1')).resolves.toEqual(run);
      await expect(store.getJson('client-run', 'r2')).resolves.toBeUndefined();
      await s.pass(1_100);
      await expect(store.getJson('client-run', 'r1')).resolves.toBeUndefined();
    });

    test.each([
      ['a record longer than 64 KiB', 'x'.repeat(64 * 1024)],
      ['a value with no JSON', undefined],
    ])('records: %s is refused and nothing is kept', async (_, value) => {
      await expect(store.putJson('client-run', 'big', value, s.now() + 60_000)).resolves.toBe(false);
      await expect(store.getJson('client-run', 'big')).resolves.toBeUndefined();
      await expect(store.appendJson('client-run', 'big', value, { expiresAtMs: s.now() + 60_000, maxEntries: 5 })).resolves.toBe(false);
      await expect(store.listJson('client-run', 'big')).resolves.toEqual({ entries: [], refused: 1 });
    });

    test('records: appendJson keeps the order, stops at maxEntries counting what it refused, and the list expires', async () => {
      const append = (n: number) => store.appendJson('client-run', 'log', { n }, { expiresAtMs: s.now() + 600, maxEntries: 3 });
      const answers = [];
      for (const n of [1, 2, 3, 4, 5]) answers.push(await append(n));
      expect(answers).toEqual([true, true, true, false, false]);
      await expect(store.listJson('client-run', 'log')).resolves.toEqual({ entries: [{ n: 1 }, { n: 2 }, { n: 3 }], refused: 2 });
      await expect(store.listJson('client-run', 'other')).resolves.toEqual({ entries: [], refused: 0 });
      await s.pass(800);
      await expect(store.listJson('client-run', 'log')).resolves.toEqual({ entries: [], refused: 0 });
      await expect(append(6)).resolves.toBe(true);
    });

    test('records: lists sharing a byte budget stop when it is spent; other budgets are their own', async () => {
      const entry = { note: 'x'.repeat(90) }; // 103 bytes of JSON
      const append = (key: string, budget: string) =>
        store.appendJson('client-run', key, entry, { expiresAtMs: s.now() + 60_000, maxEntries: 10, budget: { key: budget, maxBytes: 250 } });
      expect([await append('r/a', 'r'), await append('r/b', 'r'), await append('r/a', 'r'), await append('q/a', 'q')]).toEqual([true, true, false, true]);
      await expect(store.listJson('client-run', 'r/a')).resolves.toEqual({ entries: [entry], refused: 1 });
      await expect(store.listJson('client-run', 'r/b')).resolves.toEqual({ entries: [entry], refused: 0 });
    });

    test('records: enlist bounds the live keys, returning the oldest past the limit; expired keys leave by themselves', async () => {
      const enlist = (key: string, ms = 60_000) => store.enlist('client-run', key, s.now() + ms, 3);
      await expect(enlist('short', 600)).resolves.toEqual([]);
      await expect(enlist('a')).resolves.toEqual([]);
      await expect(enlist('b')).resolves.toEqual([]);
      await expect(enlist('c')).resolves.toEqual(['short']);
      await s.pass(800);
      await expect(enlist('d')).resolves.toEqual(['a']);
    });

    test('records: forgetJson forgets a record, its list, its refusals and its budget', async () => {
      const until = s.now() + 60_000;
      await store.putJson('client-run', 'gone', { a: 1 }, until);
      const budget = { key: 'gone', maxBytes: 10 };
      await store.appendJson('client-run', 'gone', { b: 2 }, { expiresAtMs: until, maxEntries: 1, budget });
      await store.appendJson('client-run', 'gone', { b: 3 }, { expiresAtMs: until, maxEntries: 1, budget });
      await store.putJson('client-run', 'kept', { c: 4 }, until);
      await store.forgetJson('client-run', ['gone']);
      await expect(store.getJson('client-run', 'gone')).resolves.toBeUndefined();
      await expect(store.listJson('client-run', 'gone')).resolves.toEqual({ entries: [], refused: 0 });
      // The budget starts again: 7 bytes fit in 10 once more.
      await expect(store.appendJson('client-run', 'gone', { b: 5 }, { expiresAtMs: until, maxEntries: 1, budget })).resolves.toBe(true);
      await expect(store.getJson('client-run', 'kept')).resolves.toEqual({ c: 4 });
    });
  });
}

describe('memory store', () => {
  let clock = Date.UTC(2026, 11, 6, 12, 0, 0);
  contract('memory', () => ({
    store: () => createMemoryStore({ now: () => clock }),
    now: () => clock,
    pass: async (ms) => {
      clock += ms;
    },
  }));

  test('answers at once, with no promise to wait for (the sandbox hot paths)', () => {
    const store = createMemoryStore({ now: () => clock });
    expect(store.claim('oauth-code', 'x', clock + 1_000)).toBe(true);
    expect(store.raise('digest-nc', 'n c', 1, clock + 1_000)).toBe(true);
    expect(store.seen('oauth-code', 'x')).toBe(true);
  });

  test('is bounded per space: past the limit the oldest entries are forgotten, other spaces keep theirs', () => {
    const store = createMemoryStore({ now: () => clock, limit: 3 });
    expect(store.claim('dpop-proof', 'kept', clock + 60_000)).toBe(true);
    for (const key of ['a', 'b', 'c', 'd']) expect(store.claim('oauth-code', key, clock + 60_000)).toBe(true);
    expect(store.seen('oauth-code', 'a')).toBe(false);
    expect(store.seen('oauth-code', 'd')).toBe(true);
    expect(store.seen('dpop-proof', 'kept')).toBe(true);
    for (const key of ['1', '2', '3', '4']) expect(store.raise('digest-nc', key, 9, clock + 60_000)).toBe(true);
    // '1' was forgotten, so its count starts again: the bound is what keeps memory in check, as before.
    expect(store.raise('digest-nc', '1', 9, clock + 60_000)).toBe(true);
    expect(store.raise('digest-nc', '4', 9, clock + 60_000)).toBe(false);
  });
});

describe('REDIS_URL', () => {
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
    ['rediss://user:secret@redis.example:6380/2', 'rediss://user:secret@redis.example:6380/2'],
  ])('%j is read as %j', (value, expected) => {
    expect(redisUrlFromEnvironment(value)).toBe(expected);
  });

  test.each(['localhost:6379', 'http://redis.example:6379', 'redis://', 'not a url'])('%j is refused at start-up, saying what to set', (value) => {
    expect(() => redisUrlFromEnvironment(value)).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
  });

  test('the refusal does not repeat the value, which may hold a password', () => {
    expect(() => redisUrlFromEnvironment('redis:/secret-password@host')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret-password') }),
    );
  });
});

const haveRedis = redisServerAvailable();
if (!haveRedis) {
  console.warn('store.test.ts: redis-server is not installed (scripts/ensure-test-tools.sh installs it): the Redis half of this file is skipped.');
}

(haveRedis ? describe : describe.skip)('Redis store, against a redis-server of its own', () => {
  let server: RedisServer;
  const opened: OnceStore[] = [];
  const open = () => {
    const store = createRedisStore({ url: server.url });
    opened.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await server?.stop();
  });

  contract('redis', () => ({
    // Each test starts from an empty Redis (the FLUSHALL below).
    store: open,
    now: () => Date.now(),
    pass: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  }));

  beforeEach(async () => {
    const raw = createClient({ url: server.url });
    await raw.connect();
    await raw.flushAll();
    await raw.close();
  });

  test('two instances share it: what one claimed or counted, the other refuses', async () => {
    const a = open();
    const b = open();
    expect(await a.claim('oauth-code', 'shared', Date.now() + 60_000)).toBe(true);
    expect(await b.claim('oauth-code', 'shared', Date.now() + 60_000)).toBe(false);
    expect(await a.raise('digest-nc', 'n c', 1, Date.now() + 60_000)).toBe(true);
    expect(await b.raise('digest-nc', 'n c', 1, Date.now() + 60_000)).toBe(false);
    expect(await b.raise('digest-nc', 'n c', 2, Date.now() + 60_000)).toBe(true);
  });

  test('is atomic: of 20 claims of one key sent at once from two clients, exactly one wins; so does one raise; a list stops at its bound', async () => {
    const stores = [open(), open()];
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]?.claim('dpop-proof', 'race', Date.now() + 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const raises = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]?.raise('digest-nc', 'race', 7, Date.now() + 60_000)));
    expect(raises.filter(Boolean)).toHaveLength(1);
    const appends = await Promise.all(
      Array.from({ length: 20 }, (_, i) => stores[i % 2]?.appendJson('client-run', 'race', { i }, { expiresAtMs: Date.now() + 60_000, maxEntries: 5 })),
    );
    expect(appends.filter(Boolean)).toHaveLength(5);
    await expect(stores[0]?.listJson('client-run', 'race')).resolves.toMatchObject({ entries: expect.any(Array), refused: 15 });
    expect((await stores[1]?.listJson('client-run', 'race'))?.entries).toHaveLength(5);
  });

  test('writes only keys under lab:, each with an expiry', async () => {
    const store = open();
    await store.claim('oauth-code', 'k', Date.now() + 60_000);
    await store.raise('digest-nc', 'n c', 3, Date.now() + 60_000);
    const raw = createClient({ url: server.url });
    await raw.connect();
    try {
      await store.putJson('client-run', 'r', { a: 1 }, Date.now() + 60_000);
      const options = { expiresAtMs: Date.now() + 60_000, maxEntries: 1, budget: { key: 'r', maxBytes: 1_000 } };
      await store.appendJson('client-run', 'r', { b: 2 }, options);
      await store.appendJson('client-run', 'r', { b: 3 }, options);
      await store.enlist('client-run', 'r', Date.now() + 60_000, 10);
      const keys = (await raw.keys('*')).sort();
      expect(keys).toEqual([
        'lab:client-run:bytes:r',
        'lab:client-run:index',
        'lab:client-run:list:r',
        'lab:client-run:r',
        'lab:client-run:refused:r',
        'lab:digest-nc:n c',
        'lab:oauth-code:k',
      ]);
      for (const key of keys) {
        const ttl = await raw.pTTL(key);
        expect(ttl).toBeGreaterThan(50_000);
        expect(ttl).toBeLessThanOrEqual(60_000);
      }
    } finally {
      await raw.close();
    }
  });

  test('a Redis that cannot be reached fails start-up at once, with a message saying what to do', async () => {
    // A free loopback port: nothing listens there.
    const url = `redis://127.0.0.1:${Number(await freePort())}`;
    const store = createRedisStore({ url });
    const started = Date.now();
    await expect(store.ready()).rejects.toThrow(/Redis at REDIS_URL \(redis:\/\/127\.0\.0\.1:\d+\) could not be reached: .*unset REDIS_URL/);
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(store.claim('oauth-code', 'x', Date.now() + 1_000)).rejects.toThrow(/could not be reached/);
  });

  test('Redis going away after start-up: every operation throws StoreUnavailable within the bound, and works again once Redis is back', async () => {
    const own = await startRedisServer();
    const store = createRedisStore({ url: own.url, waitMs: 300 });
    opened.push(store);
    let back: RedisServer | undefined;
    try {
      await store.ready();
      expect(await store.claim('oauth-code', 'before', Date.now() + 60_000)).toBe(true);
      // Paused: the connection is open but nothing answers. The wait is bounded.
      own.pause();
      let started = Date.now();
      await expect(store.raise('digest-nc', 'n c', 1, Date.now() + 60_000)).rejects.toThrow(StoreUnavailable);
      expect(Date.now() - started).toBeLessThan(1_000);
      await expect(store.getJson('client-run', 'r')).rejects.toThrow(/Redis did not answer within 300 ms/);
      own.resume();
      // Stopped: the client is offline and refuses at once (no offline queue).
      await own.stop();
      started = Date.now();
      for (const operation of [
        () => store.claim('oauth-code', 'during', Date.now() + 60_000),
        () => store.seen('ntlm-proof', 'p'),
        () => store.putJson('client-run', 'r', { a: 1 }, Date.now() + 60_000),
        () => store.appendJson('client-run', 'r', { a: 1 }, { expiresAtMs: Date.now() + 60_000, maxEntries: 1 }),
        () => store.listJson('client-run', 'r'),
        () => store.enlist('client-run', 'r', Date.now() + 60_000, 1),
        () => store.forgetJson('client-run', ['r']),
      ]) {
        await expect(operation()).rejects.toThrow(StoreUnavailable);
      }
      expect(Date.now() - started).toBeLessThan(2_500);
      back = await startRedisServer(own.port);
      const deadline = Date.now() + 10_000;
      let answer: boolean | undefined;
      while (answer === undefined && Date.now() < deadline) {
        answer = await Promise.resolve(store.claim('oauth-code', 'after', Date.now() + 60_000)).catch(async () => {
          await new Promise((resolve) => setTimeout(resolve, 100));
          return undefined;
        });
      }
      expect(answer).toBe(true);
    } finally {
      own.resume();
      await own.stop();
      await back?.stop();
    }
  });

  test('a Redis that is connected but silent holds at most maxPending commands; past them, commands are refused at once', async () => {
    const own = await startRedisServer();
    const store = createRedisStore({ url: own.url, waitMs: 200, maxPending: 3 });
    opened.push(store);
    try {
      await store.ready();
      own.pause();
      const waiting = [1, 2, 3].map((n) => store.claim('oauth-code', `k${n}`, Date.now() + 60_000));
      for (const one of waiting) await expect(one).rejects.toThrow(/did not answer within 200 ms/);
      const started = Date.now();
      await expect(store.claim('oauth-code', 'k4', Date.now() + 60_000)).rejects.toThrow(/left 3 commands unanswered/);
      expect(Date.now() - started).toBeLessThan(100);
      // Once Redis answers the queued commands, new ones go through again.
      own.resume();
      const deadline = Date.now() + 5_000;
      let answer: boolean | undefined;
      while (answer === undefined && Date.now() < deadline) {
        answer = await Promise.resolve(store.claim('oauth-code', 'k5', Date.now() + 60_000)).catch(async () => {
          await new Promise((resolve) => setTimeout(resolve, 50));
          return undefined;
        });
      }
      expect(answer).toBe(true);
    } finally {
      own.resume();
      await own.stop();
    }
  });
});
