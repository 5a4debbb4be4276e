import type { CaseObservation } from './observation';

// Where a "test your own client" run keeps what the lab saw: per case, the observations of the requests that
// arrived (already reduced to their shape: observation.ts never holds a password or a token). Bounded in
// every direction, since anyone may start a run: runs in number, their lifetime, requests per case.
// This is the memory store, one per instance; a store shared by instances (Redis) can implement the same
// interface.

export type Run = {
  id: string;
  createdAt: number;
  expiresAt: number;
  /** The cases of this run, in order, and the origin their URLs name. */
  caseIds: readonly string[];
  origin: string;
  observations: Map<string, CaseObservation[]>;
  /** Requests that arrived for a case past RUN_LIMITS.requestsPerCase, counted but not kept. */
  dropped: Map<string, number>;
};

export type RunStore = {
  create(run: Omit<Run, 'observations' | 'dropped'>): Promise<void>;
  /** The run, unless it is unknown or has expired. */
  get(id: string, now: number): Promise<Run | undefined>;
  /** Keeps an observation for one case of a run; false when the run is unknown or has expired. */
  record(id: string, caseId: string, observation: CaseObservation, now: number): Promise<boolean>;
};

export const RUN_LIMITS = { runs: 500, lifetimeMs: 60 * 60_000, requestsPerCase: 20 } as const;

export function memoryRunStore(limits: { runs: number; requestsPerCase: number } = RUN_LIMITS): RunStore {
  const runs = new Map<string, Run>();
  const live = (id: string, now: number) => {
    const run = runs.get(id);
    if (run && run.expiresAt <= now) {
      runs.delete(id);
      return undefined;
    }
    return run;
  };
  return {
    async create(run) {
      runs.set(run.id, { ...run, observations: new Map(), dropped: new Map() });
      // The oldest run goes first when the store is full (a Map keeps insertion order).
      while (runs.size > limits.runs) {
        const oldest = runs.keys().next();
        if (oldest.done) break;
        runs.delete(oldest.value);
      }
    },
    async get(id, now) {
      return live(id, now);
    },
    async record(id, caseId, observation, now) {
      const run = live(id, now);
      if (!run) return false;
      const kept = run.observations.get(caseId) ?? [];
      if (kept.length >= limits.requestsPerCase) {
        run.dropped.set(caseId, (run.dropped.get(caseId) ?? 0) + 1);
        return true;
      }
      kept.push(observation);
      run.observations.set(caseId, kept);
      return true;
    },
  };
}
