/** @jest-environment node */
import fc from 'fast-check';
import { checkDigestNonce } from '@/lib/http-auth';
import type { SandboxContext } from '@/lib/sandbox/context';
import { bareAnswerFor, fillBareAnswer, prepareBareAnswers, type BareAnswer, type BareAnswers } from '@/lib/sandbox/edge/bare-answers';
import { toNodeResponse, type FieldSummary, type NodeResponse } from '@/lib/sandbox/http/node';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { handleSandboxRequest, invariantBareTargets, scenarioBareTargets } from '@/lib/sandbox/routes/router';
import { request, testContext } from './support';

const bareFields: FieldSummary = { hosts: 1, credentials: false, body: false };

describe('invariantBareTargets', () => {
  const targets = invariantBareTargets();

  test('has the classic Basic, Bearer and proxy URLs and no Digest-first one', () => {
    expect(targets).toEqual(expect.arrayContaining(['/api/sandbox/basic', '/api/sandbox/bearer', '/api/sandbox/proxy', '/api/sandbox/presets/basic']));
    expect(targets).not.toContain('/api/sandbox/digest');
    expect(targets).not.toContain('/api/sandbox/presets/digest');
  });

  test('every preset is either prepared or answers each bare GET with a fresh Digest nonce', async () => {
    const ctx = testContext();
    for (const preset of allPresets()) {
      const target = `/api/sandbox/presets/${preset.id}`;
      const first = await handleSandboxRequest(request(target), ctx);
      ctx.advance(1_000);
      const second = await handleSandboxRequest(request(target), ctx);
      // Prepared exactly when two bare answers, a second apart, are the same.
      expect([preset.id, targets.includes(target)]).toEqual([preset.id, JSON.stringify(first) === JSON.stringify(second)]);
    }
  });
});

/** A Digest nonce's place in a response, so two answers a nonce apart compare equal. */
const NONCE = /nonce="[A-Za-z0-9+/=]+"/g;
const written = (response: NodeResponse) => ({
  status: response.status,
  fields: response.fields.map((value, i) => (i % 2 === 1 ? value.replace(NONCE, 'nonce="…"') : value)),
  body: response.body.toString('utf8'),
});
const nonces = (response: NodeResponse) => response.fields.flatMap((value) => [...value.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]));

/** Waits until `answers` has learnt `target` (it learns in the background). */
async function learnt(answers: BareAnswers, target: string): Promise<BareAnswer | undefined> {
  for (let i = 0; i < 50 && !answers.get(target); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  return answers.get(target);
}

describe('prepareBareAnswers', () => {
  test('every scenario URL is prepared, and each answer is what the engine answers later, at another time, but for a fresh nonce', async () => {
    const answers = await prepareBareAnswers(testContext());
    const later = testContext(Date.UTC(2027, 0, 1));
    const targets = scenarioBareTargets();
    expect(targets).toEqual(expect.arrayContaining([...invariantBareTargets(), '/api/sandbox/digest', '/api/sandbox/presets/digest']));
    for (const target of targets) {
      const answer = answers.get(target);
      if (!answer) throw new Error(`${target} is not prepared`);
      const fresh = toNodeResponse(await handleSandboxRequest(request(target), later));
      expect({ target, ...written(fillBareAnswer(answer, later)) }).toEqual({ target, ...written(fresh) });
      expect(answer.kind).toBe(invariantBareTargets().includes(target) ? 'fixed' : 'nonce');
    }
  });

  test('a prepared Digest challenge gets a fresh nonce each time, one the engine then accepts as fresh', async () => {
    const ctx = testContext();
    const answers = await prepareBareAnswers(ctx);
    const answer = answers.get('/api/sandbox/digest');
    if (answer?.kind !== 'nonce') throw new Error('the Digest challenge is not prepared with a nonce');
    const first = nonces(fillBareAnswer(answer, ctx));
    const second = nonces(fillBareAnswer(answer, ctx));
    // SHA-256 and MD5 challenges share one nonce per response (RFC 7616 §3.7).
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(1);
    expect(second[0]).not.toBe(first[0]);
    expect(checkDigestNonce(first[0] ?? '', { secret: ctx.secret, now: ctx.now() + 1_000, maxAgeMs: 300_000 })).toEqual({ kind: 'fresh', issuedAt: ctx.now() });
  });

  test('a filled Digest challenge is, byte for byte and nonce too, what the engine answers at the same time with the same random bytes', async () => {
    const answers = await prepareBareAnswers(testContext());
    const digestTargets = scenarioBareTargets().filter((target) => answers.get(target)?.kind === 'nonce');
    expect(digestTargets).toEqual(expect.arrayContaining(['/api/sandbox/digest', '/api/sandbox/presets/digest']));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...digestTargets),
        fc.integer({ min: 0, max: 2 ** 45 }),
        fc.uint8Array({ minLength: 12, maxLength: 12 }),
        async (target, now, random) => {
          // The engine and the prepared answer each ask the clock and the random source once, for the nonce.
          const at = (): SandboxContext => ({ ...testContext(now), random: () => random.slice() });
          const answer = answers.get(target);
          if (!answer) throw new Error(`${target} is not prepared`);
          const filled = fillBareAnswer(answer, at());
          const engine = toNodeResponse(await handleSandboxRequest(request(target), at()));
          expect({ ...filled, body: filled.body.toString('latin1') }).toEqual({ ...engine, body: engine.body.toString('latin1') });
        },
      ),
      { numRuns: 60 },
    );
  });

  test('the prepared Basic answer is the 401 challenge with its problem body and Content-Length', async () => {
    const answers = await prepareBareAnswers(testContext());
    const basic = answers.get('/api/sandbox/basic');
    expect(basic?.kind).toBe('fixed');
    const fields = basic?.response.fields ?? [];
    expect(fields[fields.indexOf('WWW-Authenticate') + 1]).toBe('Basic realm="reports", charset="UTF-8"');
    expect(fields[fields.indexOf('Content-Length') + 1]).toBe(String(basic?.response.body.length));
    expect(JSON.parse(basic?.response.body.toString('utf8') ?? '')).toMatchObject({ status: 401, title: 'Unauthorized' });
  });
});

describe('learning experiment URLs', () => {
  test.each([
    ['/api/sandbox/basic?realm=x', 401],
    ['/api/sandbox/digest?algorithm=SHA-256', 401],
    ['/api/sandbox/bearer?scope=read', 401],
    ['/api/sandbox/proxy?proxy_realm=gate', 407],
    ['/api/sandbox/basic?realm=%0D%0Ax', 400],
    ['/api/sandbox/bearer?access_token=abc', 400],
    ['/api/sandbox/presets/nope?realm=x', 404],
  ])('%s: answered by the engine first, then prepared, the same but for the nonce', async (target, status) => {
    const ctx = testContext();
    const answers = await prepareBareAnswers(ctx);
    expect(bareAnswerFor(answers, 'GET', target, bareFields, ctx)).toBeUndefined();
    const answer = await learnt(answers, target);
    if (!answer) throw new Error(`${target} was not learnt`);
    const prepared = bareAnswerFor(answers, 'GET', target, bareFields, ctx);
    const engine = toNodeResponse(await handleSandboxRequest(request(target), ctx));
    expect(engine.status).toBe(status);
    expect(written(prepared!)).toEqual(written(engine));
  });

  test('URLs that name no scenario, and very long ones, are never prepared', async () => {
    const ctx = testContext();
    const answers = await prepareBareAnswers(ctx);
    const long = `/api/sandbox/basic?realm=${'x'.repeat(600)}`;
    for (const target of ['/api/sandbox/token?x=1', '/api/sandbox/nope?x=1', '/api/sandbox/presets?x=1', long]) answers.learn(target);
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const target of ['/api/sandbox/token?x=1', '/api/sandbox/nope?x=1', '/api/sandbox/presets?x=1', long]) expect(answers.get(target)).toBeUndefined();
  });

  test('at most 256 are kept: the oldest are forgotten', async () => {
    const ctx = testContext();
    const answers = await prepareBareAnswers(ctx);
    const targets = Array.from({ length: 300 }, (_, i) => `/api/sandbox/basic?realm=r${i}`);
    for (const target of targets) answers.learn(target);
    await learnt(answers, targets.at(-1)!);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(targets.filter((target) => answers.get(target) !== undefined)).toEqual(targets.slice(-256));
  });
});

describe('bareAnswerFor', () => {
  let answers: Awaited<ReturnType<typeof prepareBareAnswers>>;
  const ctx = testContext();
  beforeAll(async () => {
    answers = await prepareBareAnswers(ctx);
  });

  test.each([
    ['GET, no credentials', true, 'GET', '/api/sandbox/basic', bareFields],
    ['HEAD, no credentials', true, 'HEAD', '/api/sandbox/basic', bareFields],
    ['with Authorization', false, 'GET', '/api/sandbox/basic', { ...bareFields, credentials: true }],
    ['with a body', false, 'GET', '/api/sandbox/basic', { ...bareFields, body: true }],
    ['POST', false, 'POST', '/api/sandbox/basic', bareFields],
    ['OPTIONS (a preflight)', false, 'OPTIONS', '/api/sandbox/basic', bareFields],
    ['a query not seen before', false, 'GET', '/api/sandbox/basic?realm=y', bareFields],
    ['Digest (a fresh nonce filled in)', true, 'GET', '/api/sandbox/digest', bareFields],
    ['an unknown preset', false, 'GET', '/api/sandbox/presets/nope', bareFields],
  ])('%s → prepared: %s', (_name, expected, method, target, fields) => {
    expect(bareAnswerFor(answers, method, target, fields, ctx) !== undefined).toBe(expected);
  });
});
