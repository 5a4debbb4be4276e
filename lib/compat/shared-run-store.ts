import { z } from 'zod';
import type { OnceStore } from '@/lib/sandbox/store/store';
import type { CaseObservation } from './observation';
import { RUN_LIMITS, type Run, type RunSettings, type RunStore } from './run-store';

// Runs kept in the sandbox's store (lib/sandbox/store) rather than in one instance's memory: with REDIS_URL
// every instance behind a load balancer starts, records and reads the same runs. A run is its settings
// (putJson, under the run id) and one list per case (appendJson, under "id/case"), every key expiring with
// the run. The bounds are those of the memory store, enforced by the store atomically across instances:
// requests per case (the list's maxEntries), bytes per run (a byte budget the run's lists share), runs in
// number (the space's index: past RUN_LIMITS.runs the oldest run is forgotten). All runs together are thus
// bounded by runs × bytesPerRun (500 × 256 KiB), where memory also caps the total at 16 MiB.

const SPACE = 'client-run';

/** The settings as the store gives them back: read at this boundary, not trusted blindly. */
const settingsSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  caseIds: z.array(z.string()),
  origin: z.string(),
});

const caseKey = (id: string, caseId: string) => `${id}/${caseId}`;

type Limits = { runs: number; requestsPerCase: number; bytesPerRun: number };

export function sharedRunStore(store: OnceStore, limits: Limits = RUN_LIMITS): RunStore {
  const settings = async (id: string, now: number): Promise<RunSettings | undefined> => {
    const parsed = settingsSchema.safeParse(await store.getJson(SPACE, id));
    return parsed.success && parsed.data.expiresAt > now ? parsed.data : undefined;
  };
  const forget = async (id: string) => {
    const run = settingsSchema.safeParse(await store.getJson(SPACE, id));
    const caseIds = run.success ? run.data.caseIds : [];
    await store.forgetJson(SPACE, [id, ...caseIds.map((caseId) => caseKey(id, caseId))]);
  };
  return {
    async create(run) {
      const { id, createdAt, expiresAt, caseIds, origin } = run;
      // Counted first, so the bound holds even when what follows fails. Past it the oldest runs go, as in
      // memory; whatever a failed forget leaves expires with its run.
      for (const evicted of await store.enlist(SPACE, id, expiresAt, limits.runs)) await forget(evicted);
      await store.putJson(SPACE, id, { id, createdAt, expiresAt, caseIds, origin }, expiresAt);
    },
    settings,
    async get(id, now) {
      const found = await settings(id, now);
      if (!found) return undefined;
      const lists = await Promise.all(found.caseIds.map((caseId) => store.listJson(SPACE, caseKey(id, caseId))));
      const run: Run = { ...found, observations: new Map(), dropped: new Map(), bytes: 0 };
      found.caseIds.forEach((caseId, i) => {
        const list = lists[i];
        if (!list) return;
        // Written by record below, under the lab’s own keys.
        const observations = list.entries as CaseObservation[];
        if (observations.length > 0) run.observations.set(caseId, observations);
        if (list.refused > 0) run.dropped.set(caseId, list.refused);
        run.bytes += observations.reduce((sum, observation) => sum + JSON.stringify(observation).length, 0);
      });
      return run;
    },
    async record(id, caseId, observation, now) {
      const run = await settings(id, now);
      if (!run) return false;
      // Refused past a bound: counted in the list's refusals, which the report shows as dropped.
      await store.appendJson(SPACE, caseKey(id, caseId), observation, {
        expiresAtMs: run.expiresAt,
        maxEntries: limits.requestsPerCase,
        budget: { key: id, maxBytes: limits.bytesPerRun },
      });
      return true;
    },
  };
}
