import type { CaseVerdict } from '@/lib/compat/grade';
import * as z from '@/lib/zod';

// The run API of "test your own client" (issue 21) as a page reads it: POST RUNS_PATH starts a run, GET
// runPath(id) is its report. Both answers are checked here, at the boundary, so the page renders only what
// it understood; a refusal is RFC 9457 problem details, turned into the sentence the lab wrote.

const credentials = z.object({ username: z.string(), password: z.string(), token: z.optional(z.string()) });
const runCase = z.object({
  id: z.string(),
  title: z.string(),
  group: z.string(),
  url: z.string(),
  credentials,
  request: z.object({ method: z.string(), body: z.optional(z.string()) }),
});

export const startedRunSchema = z.object({
  id: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  cases: z.array(runCase),
  unavailable: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type StartedRun = z.infer<typeof startedRunSchema>;
export type StartedCase = StartedRun['cases'][number];

// lib/compat/observation.ts: only what the page shows is required; kinds the page does not know still show.
const observedCredentials = z.object({
  field: z.string(),
  scheme: z.string(),
  shape: z.looseObject({ kind: z.string() }),
  check: z.looseObject({ kind: z.string() }),
});
const observation = z.object({
  leg: z.string(),
  method: z.string(),
  target: z.optional(z.string()),
  fields: z.optional(z.array(z.tuple([z.string(), z.string()]))),
  authorization: z.optional(observedCredentials),
  proxyAuthorization: z.optional(observedCredentials),
  status: z.number(),
  outcome: z.string(),
  note: z.string(),
});
/** One request of a case as the run report shows it (its shape only). */
export type ReportedRequest = z.infer<typeof observation>;

export const CASE_VERDICTS = ['follows', 'differs', 'fails', 'pending'] as const satisfies readonly CaseVerdict[];

export const runReportSchema = z.object({
  id: z.string(),
  url: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  summary: z.object({ follows: z.number(), differs: z.number(), fails: z.number(), pending: z.number() }),
  cases: z.array(
    z.extend(runCase, {
      verdict: z.enum(CASE_VERDICTS),
      explanation: z.string(),
      requests: z.array(observation),
      dropped: z.number(),
    }),
  ),
});
export type RunReportView = z.infer<typeof runReportSchema>;
export type GradedCase = RunReportView['cases'][number];

/** What asking the lab came to: its answer, its refusal in words (with the status: 404 is "no such run"), or no answer at all. */
export type RunApiAnswer<T> = { kind: 'ok'; value: T } | { kind: 'refused'; status: number; message: string } | { kind: 'unreachable'; message: string };

/** RFC 9457 §3.1: detail is the sentence for this occurrence; title the problem type's. */
export function problemSentence(status: number, json: unknown): string {
  const o = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const text = (key: string) => (typeof o[key] === 'string' && o[key] !== '' ? (o[key] as string) : undefined);
  return text('detail') ?? text('title') ?? `The lab answered ${status}.`;
}

async function ask<T>(url: string, init: RequestInit, schema: z.ZodMiniType<T>): Promise<RunApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: 'no-store', headers: { Accept: 'application/json, application/problem+json' } });
  } catch (error) {
    return { kind: 'unreachable', message: `The lab could not be reached (${error instanceof Error ? error.message : String(error)}).` };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) return { kind: 'refused', status: response.status, message: problemSentence(response.status, json) };
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { kind: 'refused', status: response.status, message: 'The lab answered something this page cannot read.' };
  return { kind: 'ok', value: parsed.data };
}

export function startRun(runsPath: string): Promise<RunApiAnswer<StartedRun>> {
  return ask(runsPath, { method: 'POST' }, startedRunSchema);
}

export function readRun(runPath: string): Promise<RunApiAnswer<RunReportView>> {
  return ask(runPath, { method: 'GET' }, runReportSchema);
}
