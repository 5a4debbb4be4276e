import type { CaseObservation } from './observation';

// Where a "test your own client" run keeps what the lab saw: per case, the observations of the requests that
// arrived (already reduced to their shape: observation.ts never holds a password or a token). Bounded in
// every direction, since anyone may start a run: runs in number, their lifetime, requests per case.
// This is the memory store, one per instance (the default); shared-run-store.ts keeps runs in the sandbox's
// shared store when REDIS_URL is set, so any instance answers for any run.

export type Run = {
  id: string;
  createdAt: number;
  expiresAt: number;
  /** The cases of this run, in order, and the origin their URLs name. */
  caseIds: readonly string[];
  origin: string;
  observations: Map<string, CaseObservation[]>;
  /** Requests that arrived for a case past a bound (requests per case, bytes per run), counted but not kept. */
  dropped: Map<string, number>;
  /** What the kept observations weigh, as JSON: the bound that matters when a client sends huge fields. */
  bytes: number;
};

/** What a run is started with: everything but what it recorded. */
export type RunSettings = Omit<Run, 'observations' | 'dropped' | 'bytes'>;

export type RunStore = {
  create(run: RunSettings): Promise<void>;
  /** The run, unless it is unknown or has expired. */
  get(id: string, now: number): Promise<Run | undefined>;
  /** The run's settings without what it recorded (all a case request needs), unless unknown or expired. */
  settings(id: string, now: number): Promise<RunSettings | undefined>;
  /** Keeps an observation for one case of a run; false when the run is unknown or has expired. */
  record(id: string, caseId: string, observation: CaseObservation, now: number): Promise<boolean>;
};

/**
 * The bounds. A header field may be 16 KiB, so it is the bytes that keep memory in check: a run keeps
 * 256 KiB of observations at most, and all runs together 16 MiB (the oldest runs go first), well inside
 * the server's heap (npm start caps it at 192 MiB).
 */
export const RUN_LIMITS = { runs: 500, lifetimeMs: 60 * 60_000, requestsPerCase: 20, bytesPerRun: 256 * 1024, bytes: 16 * 1024 * 1024 } as const;

type Limits = { runs: number; requestsPerCase: number; bytesPerRun: number; bytes: number };

export function memoryRunStore(limits: Limits = RUN_LIMITS): RunStore {
  const runs = new Map<string, Run>();
  let total = 0;
  const forget = (id: string) => {
    const run = runs.get(id);
    if (!run) return;
    total -= run.bytes;
    runs.delete(id);
  };
  const live = (id: string, now: number) => {
    const run = runs.get(id);
    if (run && run.expiresAt <= now) {
      forget(id);
      return undefined;
    }
    return run;
  };
  return {
    async create(run) {
      runs.set(run.id, { ...run, observations: new Map(), dropped: new Map(), bytes: 0 });
      // The oldest run goes first when the store is full (a Map keeps insertion order).
      while (runs.size > limits.runs) {
        const oldest = runs.keys().next();
        if (oldest.done) break;
        forget(oldest.value);
      }
    },
    async get(id, now) {
      return live(id, now);
    },
    async settings(id, now) {
      return live(id, now);
    },
    async record(id, caseId, observation, now) {
      const run = live(id, now);
      if (!run) return false;
      const kept = run.observations.get(caseId) ?? [];
      const size = JSON.stringify(observation).length;
      if (kept.length >= limits.requestsPerCase || run.bytes + size > limits.bytesPerRun) {
        run.dropped.set(caseId, (run.dropped.get(caseId) ?? 0) + 1);
        return true;
      }
      kept.push(observation);
      run.observations.set(caseId, kept);
      run.bytes += size;
      total += size;
      // Past the store's budget, the oldest runs go (never the one being recorded).
      for (const other of runs.keys()) {
        if (total <= limits.bytes) break;
        if (other !== id) forget(other);
      }
      return true;
    },
  };
}
