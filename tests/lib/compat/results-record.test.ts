// scripts/compat/record.ts: what `npm run compat` keeps of the lab's observations. A re-run of an
// unchanged client must give the same data, so per-run values (the run id, the lab's free port, nonces,
// cnonces, response hashes, fingerprints) are left out, while what the grader and a reader need stays.
import type { CaseObservation } from '@/lib/compat/observation';
import { recordRequest } from '@/scripts/compat/record';

const RUN = 'q7Yx3kP0aZ';

const digestAnswer = (nonce: string, cnonce: string, port: number): CaseObservation => ({
  caseId: 'digest-sha256-then-md5',
  leg: 'first',
  method: 'GET',
  target: `/api/sandbox/runs/${RUN}/cases/digest-sha256-then-md5`,
  authorization: {
    field: 'Authorization',
    scheme: 'Digest',
    shape: {
      kind: 'digest',
      params: {
        username: 'alice',
        realm: 'compat@lab',
        nonce,
        cnonce,
        nc: '00000001',
        qop: 'auth',
        algorithm: 'SHA-256',
        response: `${nonce}${cnonce}`,
        uri: `http://localhost:${port}/api/sandbox/runs/${RUN}/cases/x`,
      },
    },
    check: { kind: 'verified', user: 'alice' },
    digest: { algorithm: 'SHA-256', qop: 'auth', userhash: false, nonce: 'challenge' },
    fingerprint: `${nonce}-fingerprint`,
  },
  status: 200,
  outcome: 'granted',
  note: `Verified as alice at http://127.0.0.1:${port}.`,
});

test('two runs of the same client give the same record, though nonces, cnonces, ports and the run differ', () => {
  const first = recordRequest(digestAnswer('n1', 'c1', 40001), RUN);
  const second = recordRequest({ ...digestAnswer('n2', 'c2', 40002), target: `/api/sandbox/runs/${RUN}/cases/digest-sha256-then-md5` }, RUN);
  expect(second).toEqual(first);
  expect(JSON.stringify(first)).not.toMatch(/n1|c1|4000\d|fingerprint|q7Yx3kP0aZ/);
});

test('what a reader and the grader need stays: the scheme, the stable parameters, the check, the digest facts', () => {
  const recorded = recordRequest(digestAnswer('n1', 'c1', 40001), RUN);
  expect(recorded).toMatchObject({
    target: '/api/sandbox/runs/{run}/cases/digest-sha256-then-md5',
    status: 200,
    outcome: 'granted',
    authorization: {
      scheme: 'Digest',
      check: 'verified',
      params: {
        username: 'alice',
        realm: 'compat@lab',
        nonce: '…',
        cnonce: '…',
        response: '…',
        nc: '00000001',
        uri: 'http://localhost:{port}/api/sandbox/runs/{run}/cases/x',
      },
      digest: { algorithm: 'SHA-256', qop: 'auth', userhash: false, nonce: 'challenge' },
    },
    note: 'Verified as alice at http://127.0.0.1:{port}.',
  });
});

test('a refused Basic answer keeps why and how it was encoded, never the password', () => {
  const recorded = recordRequest(
    {
      caseId: 'basic-plain',
      leg: 'first',
      method: 'GET',
      authorization: {
        field: 'Authorization',
        scheme: 'Basic',
        shape: { kind: 'basic', userId: 'alice', encoding: 'UTF-8' },
        check: { kind: 'refused', reason: 'wrong-credentials', detail: 'not the case’s user' },
        fingerprint: 'f',
      },
      status: 401,
      outcome: 'challenged',
      note: 'Refused.',
    },
    RUN,
  );
  expect(recorded.authorization).toEqual({
    field: 'Authorization',
    scheme: 'Basic',
    shape: 'basic',
    check: 'refused',
    reason: 'wrong-credentials',
    encoding: 'UTF-8',
  });
});
