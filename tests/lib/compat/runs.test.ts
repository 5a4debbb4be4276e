/** @jest-environment node */
import { answerDigestChallenge, formatCredentials, parseChallenges } from '@/lib/http-auth';
import { COMPAT_CASES } from '@/lib/compat/cases';
import type { RunReport } from '@/lib/compat/run-report';
import { RUN_LIMITS } from '@/lib/compat/run-store';
import { headerValues, type HeaderList } from '@/lib/sandbox/message';
import { openApiDocument } from '@/lib/sandbox/openapi/document';
import { routeSandboxRequest } from '@/lib/sandbox/routes/router';
import { SANDBOX_ROUTES } from '@/lib/sandbox/routes/table';
import { testContext } from '../sandbox/support';

// The run API of "test your own client" (issue 21), through the sandbox's router as server.ts calls it:
// start a run, send a case's requests to its URL, read what the lab saw and the verdict.

type Started = { id: string; url: string; expiresAt: string; cases: Array<{ id: string; url: string }>; unavailable: Array<{ id: string }> };

const ctx = testContext();
const ALICE = `Basic ${btoa('alice:wonderland')}`;

async function send(target: string, headers: HeaderList = [], method = 'GET', host = 'localhost:3000') {
  const { response } = await routeSandboxRequest({ method, target, headers: [['Host', host], ...headers], body: new Uint8Array(0) }, ctx);
  return response;
}

async function startRun(host = 'localhost:3000'): Promise<Started> {
  const response = await send('/api/sandbox/runs', [], 'POST', host);
  expect(response.status).toBe(201);
  const started = JSON.parse(response.body) as Started;
  expect(headerValues(response.headers, 'Location')).toEqual([started.url]);
  return started;
}

async function report(id: string): Promise<RunReport> {
  const response = await send(`/api/sandbox/runs/${id}`);
  expect(response.status).toBe(200);
  return JSON.parse(response.body) as RunReport;
}

const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

test('a run lists every case at a URL of its own on the origin the client used, all pending', async () => {
  const run = await startRun();
  expect(run.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(run.url).toBe(`http://localhost:3000/api/sandbox/runs/${run.id}`);
  expect(run.cases.map((c) => c.id)).toEqual(COMPAT_CASES.map((c) => c.id));
  expect(run.cases[0]?.url).toBe(`http://localhost:3000/api/sandbox/runs/${run.id}/cases/${COMPAT_CASES[0]?.id}`);
  expect(run.unavailable).toEqual([]);
  const read = await report(run.id);
  expect(read.summary).toEqual({ follows: 0, differs: 0, fails: 0, pending: COMPAT_CASES.length });
});

test('under a single public name the cross-origin redirect case is listed as unavailable, not graded wrong', async () => {
  const run = await startRun('lab.example');
  const crossOrigin = COMPAT_CASES.filter((c) => c.flow.kind === 'redirect-cross-origin').map((c) => c.id);
  expect(crossOrigin.length).toBeGreaterThan(0);
  expect(run.unavailable.map((c) => c.id)).toEqual(crossOrigin);
  expect(run.cases.some((c) => crossOrigin.includes(c.id))).toBe(false);
});

test('a Basic case: the 401, then alice, graded "follows" with both requests shown by their shape only', async () => {
  const run = await startRun();
  const url = pathOf(run.cases.find((c) => c.id === 'lower-case-scheme')?.url ?? '');
  expect((await send(url)).status).toBe(401);
  expect((await send(url, [['Authorization', ALICE]])).status).toBe(200);
  const graded = (await report(run.id)).cases.find((c) => c.id === 'lower-case-scheme');
  expect(graded?.verdict).toBe('follows');
  expect(graded?.requests.map((r) => r.status)).toEqual([401, 200]);
  expect(graded?.requests[1]?.authorization?.shape).toEqual({ kind: 'basic', userId: 'alice', encoding: 'ascii' });
  // The lab's test password is listed as what to configure; what the client sent is kept by its shape only.
  expect(JSON.stringify(graded?.requests)).not.toContain('wonderland');
  expect(JSON.stringify(graded?.requests)).not.toContain(btoa('alice:wonderland'));
});

test('each request comes with its header fields as sent, in order, the credentials and cookies cut to their scheme and length', async () => {
  const run = await startRun();
  const url = pathOf(run.cases.find((c) => c.id === 'basic-plain')?.url ?? '');
  const cookie = 'session=s3cr3t-session-value';
  await send(url, [
    ['User-Agent', 'my-client/1.2'],
    ['Accept', '*/*'],
    ['Cookie', cookie],
    ['Authorization', ALICE],
  ]);
  const [request] = (await report(run.id)).cases.find((c) => c.id === 'basic-plain')?.requests ?? [];
  expect(request?.fields).toEqual([
    ['Host', 'localhost:3000'],
    ['User-Agent', 'my-client/1.2'],
    ['Accept', '*/*'],
    ['Cookie', `[redacted: ${cookie.length} characters]`],
    ['Authorization', `Basic [redacted: ${ALICE.length - 'Basic '.length} characters]`],
  ]);
  expect(JSON.stringify(request)).not.toMatch(/s3cr3t|wonderland/);
  expect(JSON.stringify(request)).not.toContain(btoa('alice:wonderland'));
});

test('a huge head is kept bounded: long values cut, and past 40 fields only their count', async () => {
  const run = await startRun();
  const url = pathOf(run.cases[0]?.url ?? '');
  const many: HeaderList = Array.from({ length: 50 }, (_, i) => [`X-Field-${i}`, 'v'.repeat(i === 0 ? 5000 : 3)]);
  await send(url, many);
  const fields = (await report(run.id)).cases[0]?.requests[0]?.fields ?? [];
  expect(fields).toHaveLength(41);
  expect(fields[1]).toEqual(['X-Field-0', `${'v'.repeat(200)}… [4800 more characters]`]);
  expect(fields.at(-1)).toEqual(['…', '11 more fields']);
});

test("the OpenAPI document lists every verdict word a report gives, and says which is the issue's pass and fail", async () => {
  const run = await startRun();
  await send(pathOf(run.cases.find((c) => c.id === 'basic-plain')?.url ?? ''), [['Authorization', ALICE]]);
  const read = await report(run.id);
  const operation = openApiDocument(SANDBOX_ROUTES).paths['/api/sandbox/runs/{id}']?.get;
  const schema = operation?.responses['200']?.content?.['application/json']?.schema as {
    properties: { summary: { properties: object }; cases: { items: { properties: { verdict: { enum: string[] } } } } };
  };
  const words = schema.properties.cases.items.properties.verdict.enum;
  expect(new Set(read.cases.map((c) => c.verdict))).toEqual(new Set(['follows', 'pending']));
  for (const c of read.cases) expect(words).toContain(c.verdict);
  expect(Object.keys(schema.properties.summary.properties)).toEqual(Object.keys(read.summary));
  expect(operation?.description).toMatch(/`follows` \(a pass[^)]*\).*`fails` \(a fail/s);
});

test('a Digest case answered with Basic grades "differs" with the reason the case gives', async () => {
  const run = await startRun();
  const url = pathOf(run.cases.find((c) => c.id === 'several-challenges-several-lines')?.url ?? '');
  const first = await send(url);
  const challenges = headerValues(first.headers, 'WWW-Authenticate').flatMap((line) => {
    const parsed = parseChallenges(line);
    return parsed.ok ? parsed.value : [];
  });
  const digest = challenges.find((c) => c.scheme === 'Digest');
  if (!digest) throw new Error('no Digest challenge');
  const answered = answerDigestChallenge({ challenge: digest, username: 'alice', password: 'wonderland', method: 'GET', uri: url });
  if (!answered.ok) throw new Error(answered.error.message);
  expect((await send(url, [['Authorization', formatCredentials(answered.value.credentials)]])).status).toBe(200);
  const other = await startRun();
  const otherUrl = pathOf(other.cases.find((c) => c.id === 'several-challenges-several-lines')?.url ?? '');
  await send(otherUrl);
  await send(otherUrl, [['Authorization', ALICE]]);
  expect((await report(run.id)).cases.find((c) => c.id === 'several-challenges-several-lines')?.verdict).toBe('follows');
  const differs = (await report(other.id)).cases.find((c) => c.id === 'several-challenges-several-lines');
  expect(differs?.verdict).toBe('differs');
  expect(differs?.explanation).toMatch(/sends the password itself/);
});

test('past the bound of requests per case, the rest are counted, not kept', async () => {
  const run = await startRun();
  const url = pathOf(run.cases[0]?.url ?? '');
  for (let i = 0; i < RUN_LIMITS.requestsPerCase + 3; i++) await send(url);
  const graded = (await report(run.id)).cases[0];
  expect(graded?.requests).toHaveLength(RUN_LIMITS.requestsPerCase);
  expect(graded?.dropped).toBe(3);
});

test.each([
  ['an unknown run', '/api/sandbox/runs/AAAAAAAAAAAAAAAAAAAAAA', /no run/],
  ['a malformed run id', '/api/sandbox/runs/..%2F..', /no run/],
  ['an unknown case', '', /has no case "no-such-case"/],
])('%s: 404 problem that says what to do', async (_, target, detail) => {
  const path = target || `/api/sandbox/runs/${(await startRun()).id}/cases/no-such-case`;
  const response = await send(path);
  expect(response.status).toBe(404);
  expect(headerValues(response.headers, 'Content-Type')).toEqual(['application/problem+json']);
  expect(JSON.parse(response.body).detail).toMatch(detail);
});

test('a run expires after its lifetime', async () => {
  const run = await startRun();
  ctx.advance(RUN_LIMITS.lifetimeMs + 1);
  expect((await send(`/api/sandbox/runs/${run.id}`)).status).toBe(404);
});
