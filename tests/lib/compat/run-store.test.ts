import { memoryRunStore } from '@/lib/compat/run-store';
import type { CaseObservation } from '@/lib/compat/observation';

// The memory store of "test your own client" runs: anyone may start one, so every dimension is bounded:
// runs in number, their lifetime, requests per case, bytes per run and bytes in all.

const observation = (note: string): CaseObservation => ({ caseId: 'c', leg: 'first', method: 'GET', status: 401, outcome: 'challenged', note });
const run = (id: string, expiresAt = 1_000) => ({ id, createdAt: 0, expiresAt, caseIds: ['c'], origin: 'http://localhost:3000' });
const limits = { runs: 3, requestsPerCase: 4, bytesPerRun: 1_000, bytes: 2_500 };

test('keeps requests per case up to the bound, then counts the rest', async () => {
  const store = memoryRunStore(limits);
  await store.create(run('a'));
  for (let i = 0; i < 6; i++) expect(await store.record('a', 'c', observation(`n${i}`), 0)).toBe(true);
  const kept = await store.get('a', 0);
  expect(kept?.observations.get('c')).toHaveLength(4);
  expect(kept?.dropped.get('c')).toBe(2);
});

test('a run keeps at most bytesPerRun of observations: huge fields are counted, not kept', async () => {
  const store = memoryRunStore({ ...limits, requestsPerCase: 100 });
  await store.create(run('a'));
  await store.record('a', 'c', observation('x'.repeat(600)), 0);
  await store.record('a', 'c', observation('y'.repeat(600)), 0);
  const kept = await store.get('a', 0);
  expect(kept?.observations.get('c')).toHaveLength(1);
  expect(kept?.dropped.get('c')).toBe(1);
  expect(kept?.bytes).toBeLessThanOrEqual(1_000);
});

test('past the store budget the oldest runs go first, never the one being recorded', async () => {
  const store = memoryRunStore({ ...limits, runs: 10 });
  for (const id of ['a', 'b', 'c']) {
    await store.create(run(id));
    await store.record(id, 'c', observation('z'.repeat(900)), 0);
  }
  expect(await store.get('a', 0)).toBeUndefined();
  expect(await store.get('b', 0)).toBeDefined();
  expect(await store.get('c', 0)).toBeDefined();
});

test('past the number of runs the oldest goes; an expired run is gone and records nothing', async () => {
  const store = memoryRunStore(limits);
  for (const id of ['a', 'b', 'c', 'd']) await store.create(run(id));
  expect(await store.get('a', 0)).toBeUndefined();
  expect(await store.get('d', 0)).toBeDefined();
  expect(await store.get('d', 1_000)).toBeUndefined();
  expect(await store.record('d', 'c', observation('late'), 1_000)).toBe(false);
});
