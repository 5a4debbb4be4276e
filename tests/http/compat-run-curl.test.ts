/** @jest-environment node */
// Issue 21, "test your own client", driven by curl: start a run, point curl at each case URL the run lists
// (configured as a user would: the case's credentials, --anyauth, following redirects, the lab as its proxy
// for the 407 cases), then read the run. What is asserted is what the lab recorded of curl's requests and
// the verdicts graded from them, never curl's own word. Only loopback is contacted.
import type { RunReport } from '@/lib/compat/run-report';
import { baseUrl } from './support/lab';
import { curlEveryCase, readRun, startRun } from './support/run-with-curl';

type RunCase = RunReport['cases'][number];

let report: RunReport;

beforeAll(async () => {
  // localhost: the run's other origin is then 127.0.0.1, so the cross-origin redirect case can be played.
  const lab = baseUrl().replace('127.0.0.1', 'localhost');
  const started = await startRun(lab);
  await curlEveryCase(started, lab);
  report = await readRun(lab, started.id);
}, 120_000);

const graded = (id: string): RunCase => {
  const found = report.cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};

test('every case received requests from curl: nothing is left pending', () => {
  expect(report.cases.filter((c) => c.verdict === 'pending').map((c) => c.id)).toEqual([]);
});

test.each([
  ['several-challenges-several-lines', /Digest \(SHA-256, qop auth\)/],
  ['digest-stale-nonce', /retried at once with the new nonce/],
  ['redirect-cross-origin', /without Authorization/],
  ['proxy-basic-then-origin-basic', /./],
  ['ntlm', /NTLM/],
  ['no-challenge', /no credentials/],
])('%s: curl follows the RFCs, as the lab recorded it', (id, explanation) => {
  const c = graded(id);
  expect(c.verdict).toBe('follows');
  expect(c.explanation).toMatch(explanation);
  expect(c.requests.length).toBeGreaterThan(0);
});

test('the recorded requests are curl’s, by their shape: the Digest case shows the 401, then a Digest answer that verified', () => {
  const requests = graded('several-challenges-several-lines').requests;
  expect(requests.map((r) => r.status)).toEqual([401, 200]);
  expect(requests[1]?.authorization).toMatchObject({ scheme: 'Digest', check: { kind: 'verified', user: 'alice' } });
  expect(JSON.stringify(requests)).not.toContain('wonderland');
});

test('NTLM: the three legs reached the lab on one connection (NEGOTIATE, then AUTHENTICATE)', () => {
  const shapes = graded('ntlm').requests.map((r) => (r.authorization?.shape.kind === 'handshake' ? r.authorization.shape.message : 'none'));
  expect(shapes).toEqual(['none', 'negotiate', 'authenticate']);
});
