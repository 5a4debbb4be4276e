import { base64url } from 'jose';
import { answerCase } from '@/lib/compat/case-server';
import { COMPAT_CASES, findCompatCase } from '@/lib/compat/cases';
import { otherLabOrigin, runCase, runReport } from '@/lib/compat/run-report';
import { RESULT_VERDICTS } from '@/lib/compat/results-schema';
import { memoryRunStore, RUN_LIMITS, type RunStore } from '@/lib/compat/run-store';
import { sharedRunStore } from '@/lib/compat/shared-run-store';
import type { SandboxContext } from '../context';
import { problemResponse } from '../problem';
import { problem } from '../openapi/refs';
import type { PathItem } from '../openapi/types';
import { jsonResponse, labOrigin, NO_STORE } from './oauth-http';
import { runCasePath, runPath, RUNS_PATH } from './paths';
import type { EndpointRoute } from './route';

// "Test your own client" (issue 21): POST /api/sandbox/runs starts a run and lists its case URLs; a client
// under test requests them; GET /api/sandbox/runs/{id} says, per case, what arrived (its shape only) and
// the verdict. The lab's side of each case is lib/compat/case-server.ts. Runs are bounded (RUN_LIMITS) and
// expire after an hour; they live in this instance's memory by default, and in the shared store when it is
// Redis (REDIS_URL), so any instance behind a load balancer answers for any run.

const runStores = new WeakMap<SandboxContext['store'], RunStore>();

/** The runs of this context's store: one memory run store per memory store, or the shared store's. */
function runStore(ctx: SandboxContext): RunStore {
  let found = runStores.get(ctx.store);
  if (!found) {
    found = ctx.store.kind === 'redis' ? sharedRunStore(ctx.store) : memoryRunStore();
    runStores.set(ctx.store, found);
  }
  return found;
}

/** 128 random bits, base64url: a run id nobody can guess, so nobody else reads your run. */
const RUN_ID = /^[A-Za-z0-9_-]{22}$/;

function newRunId(random: (length: number) => Uint8Array): string {
  return base64url.encode(random(16));
}

const noRun = (id: string) =>
  problemResponse({ status: 404, detail: `There is no run "${id.slice(0, 40)}": it never existed or has expired. Start one with POST ${RUNS_PATH}.` });

const CASE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const runJson = { 'application/json': { schema: { type: 'object' } } };
/** The report's verdicts as a schema, so a client reading the document knows every word it can get. */
const reportJson = {
  'application/json': {
    schema: {
      type: 'object',
      required: ['id', 'url', 'createdAt', 'expiresAt', 'summary', 'cases'],
      properties: {
        summary: { type: 'object', properties: Object.fromEntries(RESULT_VERDICTS.map((v) => [v, { type: 'integer', minimum: 0 }])) },
        cases: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'url', 'verdict', 'explanation', 'requests', 'dropped'],
            properties: { verdict: { enum: [...RESULT_VERDICTS] }, explanation: { type: 'string' }, requests: { type: 'array' } },
          },
        },
      },
    },
  },
};

export const startRunRoute: EndpointRoute = {
  kind: 'endpoint',
  // With REDIS_URL, runs live in Redis: while it does not answer, a 503 (the document adds it).
  sharedStore: true,
  path: RUNS_PATH,
  methods: ['POST'],
  cors: true,
  wrongMethod: `Start a run with POST ${RUNS_PATH}; read it with GET ${RUNS_PATH}/{id}.`,
  async handle(request, { ctx }) {
    const now = ctx.now();
    const origin = labOrigin(request, ctx);
    const other = otherLabOrigin(origin);
    const cases = COMPAT_CASES.filter((c) => other !== undefined || c.flow.kind !== 'redirect-cross-origin');
    const unavailable = COMPAT_CASES.filter((c) => !cases.includes(c)).map((c) => ({
      id: c.id,
      reason: 'It needs the lab under a second origin, which this deployment does not have (on this machine: localhost and 127.0.0.1).',
    }));
    const id = newRunId(ctx.random);
    const run = { id, createdAt: now, expiresAt: now + RUN_LIMITS.lifetimeMs, caseIds: cases.map((c) => c.id), origin };
    await runStore(ctx).create(run);
    const url = `${origin}${runPath(id)}`;
    const body = { id, url, expiresAt: new Date(run.expiresAt).toISOString(), cases: cases.map((c) => runCase(run, c)), unavailable };
    return { response: jsonResponse(201, body, [['Location', url], ...NO_STORE]), trace: [] };
  },
  describe(): PathItem {
    return {
      post: {
        operationId: 'startRun',
        summary: 'Start a run to test your own client',
        description: `A run lists the compatibility cases, each at its own URL, with the credentials to configure (the lab's users). Point the client under test at them; GET the run to read what the lab saw and the verdicts. A run lasts ${RUN_LIMITS.lifetimeMs / 60_000} minutes; the lab keeps ${RUN_LIMITS.runs} at most and ${RUN_LIMITS.requestsPerCase} requests per case.`,
        tags: ['Client tests'],
        security: [],
        responses: {
          '201': { description: 'The run: its id and URL (also in Location), when it expires, and its cases.', content: runJson },
          '405': { description: 'Any method but POST.', content: problem() },
        },
      },
    };
  },
};

export const readRunRoute: EndpointRoute = {
  kind: 'endpoint',
  sharedStore: true,
  path: runPath('{id}'),
  methods: ['GET', 'HEAD'],
  cors: true,
  wrongMethod: 'A run is read with GET; its cases are requested at their own URLs.',
  async handle(_request, { ctx, params }) {
    const id = params.id ?? '';
    const run = RUN_ID.test(id) ? await runStore(ctx).get(id, ctx.now()) : undefined;
    if (!run) return { response: noRun(id), trace: [] };
    return { response: jsonResponse(200, runReport(run, COMPAT_CASES), NO_STORE), trace: [] };
  },
  describe(): PathItem {
    return {
      get: {
        operationId: 'readRun',
        summary: 'Read a run',
        description: [
          'Per case: the requests the lab received for it, in order (method, target, every header field as sent with the credentials and cookies cut to their scheme and length, and the credentials reduced to their shape: never a password or a token), what it answered, and the verdict with its explanation.',
          // Issue 21 names the verdicts pass, differs, fail and pending; the lab says follows and fails, as
          // the /clients matrix and the committed results do, so a run and the matrix read alike.
          'The verdict is one of: `follows` (a pass: the client does what the RFCs say), `differs` (a legal alternative, the explanation says which and why it matters), `fails` (a fail: it did not get in, or sent what it should not) and `pending` (no request yet). `summary` counts each.',
        ].join('\n\n'),
        tags: ['Client tests'],
        security: [],
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The run id POST returned.', schema: { type: 'string' } }],
        responses: {
          '200': { description: 'The report.', content: reportJson },
          '404': { description: 'No such run, or it has expired.', content: problem() },
        },
      },
    };
  },
};

export const runCaseRoute: EndpointRoute = {
  kind: 'endpoint',
  sharedStore: true,
  path: runCasePath('{id}', '{case}'),
  methods: CASE_METHODS,
  cors: true,
  wrongMethod: 'A case answers the usual methods; this one is not among them.',
  async handle(request, { ctx, params }) {
    const id = params.id ?? '';
    const now = ctx.now();
    const store = runStore(ctx);
    const run = RUN_ID.test(id) ? await store.settings(id, now) : undefined;
    if (!run) return { response: noRun(id), trace: [] };
    const caseId = params.case ?? '';
    const compatCase = run.caseIds.includes(caseId) ? findCompatCase(caseId) : undefined;
    if (!compatCase) {
      return { response: problemResponse({ status: 404, detail: `This run has no case "${caseId.slice(0, 60)}"; GET ${runPath(id)} lists them.` }), trace: [] };
    }
    const where = { origin: run.origin, otherOrigin: otherLabOrigin(run.origin) ?? run.origin };
    const { response, observation } = await answerCase(compatCase, request, ctx, where);
    await store.record(id, caseId, observation, now);
    return { response, trace: [] };
  },
  describe(): PathItem {
    return {
      get: {
        operationId: 'runCase',
        summary: 'One case of a run',
        description:
          'The lab plays the case: its challenge, then its flow (a redirect, a stale nonce, nextnonce, a proxy hop). Every request is recorded in the run, reduced to its shape.',
        tags: ['Client tests'],
        security: [],
        parameters: [
          { name: 'id', in: 'path', required: true, description: 'The run id.', schema: { type: 'string' } },
          { name: 'case', in: 'path', required: true, description: 'The case id, as the run lists it.', schema: { type: 'string' } },
        ],
        responses: {
          '200': { description: 'The case granted the request.', content: runJson },
          '401': { description: 'The case challenges (or challenges again).', content: problem() },
          '404': { description: 'No such run or case.', content: problem() },
        },
      },
    };
  },
};

export const RUN_ROUTES: readonly EndpointRoute[] = [startRunRoute, readRunRoute, runCaseRoute];
