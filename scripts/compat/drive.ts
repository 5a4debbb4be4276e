import type { RunReport } from '@/lib/compat/run-report';
import type { ClientAdapter, Lab, LabCase } from './adapter';

// One client through one run: start a run on the lab, point the client at every case URL (a few at a
// time: the cases are independent and each client call is bounded), then read the lab's report. Used by
// `npm run compat` (scripts/compat/run.ts) and by the CI check (tests/http/compat-results.test.ts).

type Started = { id: string; cases: LabCase[]; unavailable?: unknown[] };

const CONCURRENCY = 4;

/** The lab's origin to give clients: localhost, so the run's other origin (127.0.0.1) serves the cross-origin redirect case. */
export const clientOrigin = (baseUrl: string) => baseUrl.replace('127.0.0.1', 'localhost');

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export type Driven = { report: RunReport; notes: Map<string, string> };

export async function driveClient(adapter: ClientAdapter, lab: Lab, onCase?: (id: string) => void): Promise<Driven> {
  const started = await json<Started>(await fetch(`${lab.origin}/api/sandbox/runs`, { method: 'POST' }), 'POST /api/sandbox/runs');
  const notes = new Map<string, string>();
  const queue = [...started.cases];
  const worker = async () => {
    for (let c = queue.shift(); c !== undefined; c = queue.shift()) {
      const { note } = await adapter
        .run(c, lab)
        .catch((error: unknown) => ({ note: `The adapter failed: ${error instanceof Error ? error.message : String(error)}` }));
      notes.set(c.id, note);
      onCase?.(c.id);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const report = await json<RunReport>(await fetch(`${lab.origin}/api/sandbox/runs/${started.id}`), `GET /api/sandbox/runs/${started.id}`);
  return { report, notes };
}
