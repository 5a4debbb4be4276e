import type { CaseObservation, ObservedCredentials } from '@/lib/compat/observation';
import type { RunReport } from '@/lib/compat/run-report';
import { clientResultsSchema, type CaseResult, type ClientResults, type RecordedCredentials, type MeasuredRequest } from '@/lib/compat/results-schema';

// A run's report turned into content/compat/results/<client>.json: the lab's observations without what
// changes from one run to the next (the run id, the lab's port, nonces, cnonces, response hashes, fingerprints), so a
// re-run of an unchanged client and lab changes only the date, and a real change shows as a data diff.

/** Digest parameters whose values are fresh per run (or a hash of fresh values): kept by name only. */
const VOLATILE_DIGEST_PARAMS = new Set(['nonce', 'cnonce', 'response', 'opaque']);

/** The run id as `{run}`, and the lab's loopback port (free, so new each run) as `{port}`. */
const withoutRun = (value: string, runId: string) =>
  value
    .split(runId)
    .join('{run}')
    .replace(/\b(https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\])):\d+/g, '$1:{port}');

function recordCredentials(sent: ObservedCredentials, runId: string): RecordedCredentials {
  const { shape, check } = sent;
  const recorded: RecordedCredentials = { field: sent.field, scheme: sent.scheme, shape: shape.kind, check: check.kind };
  if (check.kind === 'refused') recorded.reason = check.reason;
  if (shape.kind === 'basic') recorded.encoding = shape.encoding;
  if (shape.kind === 'handshake') recorded.message = shape.message;
  if (shape.kind === 'digest') {
    recorded.params = Object.fromEntries(
      Object.entries(shape.params).map(([name, value]) => [name, VOLATILE_DIGEST_PARAMS.has(name) ? '…' : withoutRun(value, runId)]),
    );
  }
  if (sent.digest) recorded.digest = { ...sent.digest, algorithm: String(sent.digest.algorithm), nonce: String(sent.digest.nonce) };
  return recorded;
}

export function recordRequest(observation: CaseObservation, runId: string): MeasuredRequest {
  const recorded: MeasuredRequest = {
    leg: observation.leg,
    method: observation.method,
    status: observation.status,
    outcome: observation.outcome,
    note: withoutRun(observation.note, runId),
  };
  if (observation.target !== undefined) recorded.target = withoutRun(observation.target, runId);
  if (observation.authorization) recorded.authorization = recordCredentials(observation.authorization, runId);
  if (observation.proxyAuthorization) recorded.proxyAuthorization = recordCredentials(observation.proxyAuthorization, runId);
  return recorded;
}

export type ClientIdentity = ClientResults['client'];

/** The results file for one client's run, checked against the schema before anyone writes it. */
export function clientResults(client: ClientIdentity, report: RunReport, notes: ReadonlyMap<string, string>, platform: string, date: Date): ClientResults {
  const cases: CaseResult[] = report.cases.map((c) => ({
    id: c.id,
    verdict: c.verdict,
    explanation: withoutRun(c.explanation, report.id),
    requests: c.requests.map((o) => recordRequest(o, report.id)),
    note: notes.get(c.id) ?? 'The client was not run for this case.',
  }));
  return clientResultsSchema.parse({ client, date: date.toISOString().slice(0, 10), platform, summary: report.summary, cases });
}
