// The lab's side of a case: the challenge lines exactly as the case says, nonces it issued itself,
// observations that show the shape of credentials but never a secret, and, whatever a client sends, a
// well-formed response head and a 4xx problem rather than a throw.
import fc from 'fast-check';
import { createDigestNonce, formatCredentials, answerDigestChallenge, parseChallenges } from '@/lib/http-auth';
import { answerCase } from '@/lib/compat/case-server';
import { COMPAT_CASES, findCompatCase } from '@/lib/compat/cases';
import type { CompatCase } from '@/lib/compat/case-schema';
import { createConnectionAuth, handshakeBudget } from '@/lib/sandbox/connection';
import { headerValues, type HeaderList, type SandboxResponse } from '@/lib/sandbox/message';
import { expectWellFormedFields, hostileValue } from '../sandbox/hostile';
import { ALICE_BASIC, basicFor, request, SECRET, testContext } from '../sandbox/support';
import { ORIGIN, OTHER_ORIGIN, runCaseClient } from './support/case-client';

const WHERE = { origin: ORIGIN, otherOrigin: OTHER_ORIGIN };
const byId = (id: string): CompatCase => {
  const found = findCompatCase(id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
};
const ask = (id: string, headers: HeaderList = [], target = `/compat/${id}`, ctx = testContext()) => answerCase(byId(id), request(target, headers), ctx, WHERE);

describe('answerCase', () => {
  test('sends the case’s challenge lines in order, each response with a fresh nonce', async () => {
    const ctx = testContext();
    const first = await ask('digest-sha256-then-md5', [], undefined, ctx);
    const second = await ask('digest-sha256-then-md5', [], undefined, ctx);
    const lines = headerValues(first.response.headers, 'WWW-Authenticate');
    expect(first.response.status).toBe(401);
    expect(lines).toEqual([
      expect.stringMatching(/^Digest realm="compat@lab", qop="auth", algorithm=SHA-256, nonce="[A-Za-z0-9+/]{48}"$/),
      expect.stringMatching(/^Digest realm="compat@lab", qop="auth", algorithm=MD5, nonce="[A-Za-z0-9+/]{48}"$/),
    ]);
    expect(headerValues(second.response.headers, 'WWW-Authenticate')[0]).not.toBe(lines[0]);
    expect(first.observation).toMatchObject({ caseId: 'digest-sha256-then-md5', leg: 'first', outcome: 'challenged', status: 401 });
  });

  test('a 407 carries Proxy-Authenticate, and the origin’s 401 follows once the proxy credentials verify', async () => {
    const proxy = await ask('proxy-basic-then-origin-basic');
    expect([proxy.response.status, headerValues(proxy.response.headers, 'Proxy-Authenticate')]).toEqual([407, ['Basic realm="proxy@lab"']]);
    const origin = await ask('proxy-basic-then-origin-basic', [['Proxy-Authorization', ALICE_BASIC]]);
    expect([origin.response.status, headerValues(origin.response.headers, 'WWW-Authenticate')]).toEqual([401, ['Basic realm="compat@lab"']]);
    expect(origin.observation.proxyAuthorization?.check).toEqual({ kind: 'verified', user: 'alice' });
  });

  test('the observation shows the credentials’ shape, never the password or the token', async () => {
    const basic = await ask('basic-charset-utf8-non-ascii', [['Authorization', basicFor('alice', 'wönderländ')]]);
    expect(basic.response.status).toBe(200);
    expect(basic.observation.authorization).toMatchObject({
      scheme: 'Basic',
      shape: { kind: 'basic', userId: 'alice', encoding: 'UTF-8' },
      check: { kind: 'verified' },
    });
    const bearer = await ask('bearer-plain', [['Authorization', 'Bearer compat-token-alice']]);
    expect(bearer.observation.authorization?.shape).toEqual({ kind: 'token', length: 'compat-token-alice'.length });
    for (const { observation } of [basic, bearer]) {
      const json = JSON.stringify(observation);
      expect(json).not.toMatch(/wönderländ|compat-token-alice/);
      expect(json).not.toContain(basicFor('alice', 'wönderländ').slice('Basic '.length));
    }
  });

  test('a correct answer to the stale-nonce case’s first nonce gets stale=true with a new nonce; the retry is granted', async () => {
    const ctx = testContext();
    const compatCase = byId('digest-stale-nonce');
    const target = '/compat/digest-stale-nonce';
    const answer = async (lines: string[]) => {
      const parsed = parseChallenges(lines);
      if (!parsed.ok || !parsed.value[0]) throw new Error('no challenge');
      const digest = answerDigestChallenge({ challenge: parsed.value[0], username: 'alice', password: 'wonderland', method: 'GET', uri: target });
      if (!digest.ok) throw new Error(digest.error.message);
      return answerCase(compatCase, request(target, [['Authorization', formatCredentials(digest.value.credentials)]]), ctx, WHERE);
    };
    const first = await answerCase(compatCase, request(target), ctx, WHERE);
    const stale = await answer(headerValues(first.response.headers, 'WWW-Authenticate'));
    expect(stale.response.status).toBe(401);
    expect(headerValues(stale.response.headers, 'WWW-Authenticate')[0]).toMatch(/, stale=true$/);
    expect(stale.observation).toMatchObject({ outcome: 'stale', authorization: { check: { kind: 'stale' }, digest: { nonce: 'backdated' } } });
    const retry = await answer(headerValues(stale.response.headers, 'WWW-Authenticate'));
    expect(retry.observation).toMatchObject({ outcome: 'granted', authorization: { digest: { nonce: 'challenge-again' } } });
  });

  test('a nonce signed with the sandbox secret itself is not a case nonce', async () => {
    const nonce = createDigestNonce({ secret: SECRET, now: testContext().now(), random: new Uint8Array(12) });
    const challenge = { scheme: 'Digest', params: { realm: 'compat@lab', qop: 'auth', algorithm: 'MD5', nonce } };
    const digest = answerDigestChallenge({ challenge, username: 'alice', password: 'wonderland', method: 'GET', uri: '/compat/whitespace-around-equals' });
    if (!digest.ok) throw new Error(digest.error.message);
    const { observation } = await ask('whitespace-around-equals', [['Authorization', formatCredentials(digest.value.credentials)]]);
    expect(observation.authorization).toMatchObject({ check: { kind: 'refused', reason: 'invalid-nonce' }, digest: { nonce: 'not-issued-here' } });
  });

  test('NTLM and Negotiate run three legs on one connection; Negotiate’s 200 carries the final SPNEGO token (RFC 4559 §5)', async () => {
    for (const id of ['ntlm', 'negotiate']) {
      const responses: SandboxResponse[] = [];
      const observations = await runCaseClient(byId(id), { responses });
      expect(observations.map((o) => [o.outcome, o.authorization?.shape.kind === 'handshake' ? o.authorization.shape.message : undefined])).toEqual([
        ['challenged', undefined],
        ['challenged', 'negotiate'],
        ['granted', 'authenticate'],
      ]);
      const final = headerValues(responses[2]?.headers ?? [], 'WWW-Authenticate');
      expect(final).toEqual(id === 'negotiate' ? [expect.stringMatching(/^Negotiate [A-Za-z0-9+/]+=*$/)] : []);
    }
  });

  test('a 403 insufficient_scope carries the case’s Bearer challenge', async () => {
    const { response, observation } = await ask('bearer-insufficient-scope', [['Authorization', 'Bearer compat-token-read']]);
    expect([response.status, headerValues(response.headers, 'WWW-Authenticate')]).toEqual([
      403,
      ['Bearer realm="compat@lab", error="insufficient_scope", scope="admin"'],
    ]);
    expect(JSON.parse(response.body)).toMatchObject({ status: 403 });
    expect(observation.outcome).toBe('token-refused');
  });

  test('redirects name the other origin or the same one, with the leg in the query', async () => {
    const cross = await ask('redirect-cross-origin', [['Authorization', ALICE_BASIC]]);
    expect([cross.response.status, headerValues(cross.response.headers, 'Location')]).toEqual([
      302,
      [`${OTHER_ORIGIN}/compat/redirect-cross-origin?leg=redirected`],
    ]);
    const same = await ask('redirect-same-origin', [['Authorization', ALICE_BASIC]], '/compat/redirect-same-origin?x=1');
    expect(headerValues(same.response.headers, 'Location')).toEqual([`${ORIGIN}/compat/redirect-same-origin?leg=redirected`]);
  });

  test.each([
    [
      'two Authorization lines',
      [
        ['Authorization', ALICE_BASIC],
        ['Authorization', ALICE_BASIC],
      ] as HeaderList,
      '/compat/basic-plain',
      /2 Authorization field lines/,
    ],
    ['a leg the case does not have', [] as HeaderList, '/compat/basic-plain?leg=next', /no leg "next"/],
    ['a target with a space', [] as HeaderList, '/compat/basic plain', /request-target/],
    ['malformed Basic credentials', [['Authorization', 'Basic !!!']] as HeaderList, '/compat/basic-plain', /malformed/],
  ])('%s: a 400 problem, not a throw', async (_name, headers, target, detail) => {
    const { response, observation } = await ask('basic-plain', headers, target);
    expect(response.status).toBe(400);
    expect(headerValues(response.headers, 'Content-Type')).toEqual(['application/problem+json']);
    expect(JSON.parse(response.body)).toMatchObject({ status: 400, detail: expect.stringMatching(detail) });
    expect(observation.outcome).toBe('bad-request');
  });

  test('malformed credentials are still recorded, so the grader can say what arrived', async () => {
    const { observation } = await ask('basic-plain', [['Authorization', 'Basic !!!']]);
    expect(observation.authorization).toMatchObject({ scheme: 'Basic', shape: { kind: 'malformed' }, check: { kind: 'refused', reason: 'malformed' } });
  });
});

describe('whatever a client sends', () => {
  const RUNS = 300;
  const schemes = fc.constantFrom('', 'Basic ', 'Digest ', 'Bearer ', 'NTLM ', 'Negotiate ', 'digest username="alice", realm=');
  const field = fc.tuple(schemes, hostileValue).map(([scheme, value]) => `${scheme}${value}`);
  const target = fc.oneof(
    fc.constantFrom('/compat/x', '/compat/x?leg=redirected', '/compat/x?leg=next', '/compat/x?leg=%0d%0a'),
    hostileValue.map((value) => `/compat/${value}`),
    hostileValue,
  );

  test(`${RUNS} hostile Authorization, Proxy-Authorization and targets on every case: no throw, a well-formed head, no CR/LF reflected`, async () => {
    const ctx = testContext();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COMPAT_CASES),
        fc.option(field),
        fc.option(field),
        target,
        fc.boolean(),
        async (compatCase, authorization, proxyAuthorization, requestTarget, withConnection) => {
          const headers: HeaderList = [];
          if (authorization !== null) headers.push(['Authorization', authorization]);
          if (proxyAuthorization !== null) headers.push(['Proxy-Authorization', proxyAuthorization]);
          const sent = { ...request(requestTarget, headers), ...(withConnection ? { connection: createConnectionAuth(1, handshakeBudget()) } : {}) };
          const { response, observation } = await answerCase(compatCase, sent, ctx, WHERE);
          expectWellFormedFields(response.headers);
          expect([200, 302, 303, 307, 400, 401, 403, 407]).toContain(response.status);
          expect(observation.status).toBe(response.status);
          if (response.status === 400) expect(JSON.parse(response.body)).toMatchObject({ status: 400 });
        },
      ),
      { numRuns: RUNS },
    );
  });

  test(`${RUNS} verified Digest answers with a hostile cnonce, which Authentication-Info echoes: the head stays well-formed`, async () => {
    const ctx = testContext();
    const compatCase = byId('digest-nextnonce');
    const target = '/compat/digest-nextnonce';
    await fc.assert(
      fc.asyncProperty(hostileValue, async (cnonce) => {
        const first = await answerCase(compatCase, request(target), ctx, WHERE);
        const parsed = parseChallenges(headerValues(first.response.headers, 'WWW-Authenticate'));
        if (!parsed.ok || !parsed.value[0]) throw new Error('no challenge');
        const digest = answerDigestChallenge({ challenge: parsed.value[0], username: 'alice', password: 'wonderland', method: 'GET', uri: target, cnonce });
        if (!digest.ok) return;
        let value: string;
        try {
          value = formatCredentials(digest.value.credentials);
        } catch {
          return; // not sendable as a quoted-string at all
        }
        const { response } = await answerCase(compatCase, request(target, [['Authorization', value]]), ctx, WHERE);
        expectWellFormedFields(response.headers);
        expect([303, 400]).toContain(response.status);
      }),
      { numRuns: RUNS },
    );
  });
});
