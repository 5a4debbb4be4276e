/** @jest-environment node */
// What the client test page (components/clients) relies on, against the real server: its schemas accept
// the run API's answers as they are (lib/clients/run-api.ts), a gone run is a 404 whose detail it can show,
// and the curl command it shows for a case, run as shown, reaches the lab and is graded from curl's own
// requests. Only loopback is contacted.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { caseCurlCommand } from '@/lib/clients/case-command';
import { readRun, startRun, type StartedRun } from '@/lib/clients/run-api';
import { baseUrl } from './support/lab';

const run = promisify(execFile);

let started: StartedRun;

beforeAll(async () => {
  const answer = await startRun(`${baseUrl()}/api/sandbox/runs`);
  if (answer.kind !== 'ok') throw new Error(`the page could not read the start of a run: ${JSON.stringify(answer)}`);
  started = answer.value;
});

test('the page reads a new run and its report: every case listed, every case pending', async () => {
  expect(started.cases.length).toBeGreaterThan(30);
  const answer = await readRun(started.url);
  expect(answer.kind).toBe('ok');
  if (answer.kind !== 'ok') return;
  expect(answer.value.cases.map((c) => c.id)).toEqual(started.cases.map((c) => c.id));
  expect(answer.value.summary.pending).toBe(started.cases.length);
});

test('a run the lab does not have: 404, with the detail the page shows in words', async () => {
  const answer = await readRun(`${baseUrl()}/api/sandbox/runs/${'A'.repeat(22)}`);
  expect(answer).toEqual({ kind: 'refused', status: 404, message: expect.stringMatching(/^There is no run "A{22}": it never existed or has expired\./) });
});

/** Runs the command the page shows for case `id`, as a reader pasting it would, then reads how the lab graded it. */
async function runShownCommand(id: string) {
  const c = started.cases.find((candidate) => candidate.id === id);
  if (!c) throw new Error(`no case ${id}`);
  await run('sh', ['-c', `${caseCurlCommand(c)} --max-time 10 -s -o /dev/null`]);
  const answer = await readRun(started.url);
  if (answer.kind !== 'ok') throw new Error(JSON.stringify(answer));
  const graded = answer.value.cases.find((candidate) => candidate.id === id);
  if (!graded) throw new Error(`the report has no case ${id}`);
  return graded;
}

test.each(['basic-plain', 'several-challenges-several-lines', 'proxy-basic-then-origin-basic', 'basic-charset-utf8-non-ascii'])(
  'the curl command shown for %s, run as shown, is graded "follows" from curl’s requests',
  async (id) => {
    expect((await runShownCommand(id)).verdict).toBe('follows');
  },
);

// curl does not hash the body into A2 for auth-int, so the lab refuses its answer: the case is graded from
// what arrived (POSTs with the body), whatever the verdict.
test('the command shown for the auth-int case sends its POSTs, and the lab grades what arrived', async () => {
  const graded = await runShownCommand('digest-auth-int-body');
  expect(graded.requests.length).toBeGreaterThan(1);
  expect(graded.requests.map((r) => r.method)).toEqual(graded.requests.map(() => 'POST'));
  expect(graded.verdict).not.toBe('pending');
});
