import { answerDigestChallenge, formatCredentials, parseChallenges } from '@/lib/http-auth';
import { applyOverrides } from '@/lib/sandbox/scenario/overrides';
import { evaluate } from '@/lib/sandbox/engine/engine';
import { headerValues } from '@/lib/sandbox/message';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import type { Scenario } from '@/lib/sandbox/scenario/scenario';
import { describeStep } from '@/lib/sandbox/engine/trace';
import { ALICE_BASIC, basicFor, request, testContext } from './support';

function scenario(id: string): Scenario {
  const preset = findPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return preset.scenario;
}

const BOB_BASIC = basicFor('bob', 'builder');
const PROXY_ALICE = ['Proxy-Authorization', ALICE_BASIC] as [string, string];

// scenario x request -> status, challenge field, trace kinds (in order).
const CASES: [string, string, [string, string][], string, number, string[]][] = [
  ['no credentials', 'basic', [], 'GET', 401, ['hop', 'no-credentials']],
  ['right password', 'basic', [['Authorization', ALICE_BASIC]], 'GET', 200, ['hop', 'scheme-matched', 'authenticated', 'granted']],
  [
    'lower-case scheme is the same scheme (RFC 9110 §11.1)',
    'basic',
    [['authorization', ALICE_BASIC.replace('Basic', 'bAsIc')]],
    'GET',
    200,
    ['hop', 'scheme-matched', 'authenticated', 'granted'],
  ],
  ['wrong password', 'basic', [['Authorization', basicFor('alice', 'looking-glass')]], 'GET', 401, ['hop', 'scheme-matched', 'wrong-password']],
  ['unknown user', 'basic', [['Authorization', basicFor('mallory', 'x')]], 'GET', 401, ['hop', 'scheme-matched', 'unknown-user']],
  ['not base64', 'basic', [['Authorization', 'Basic !!!!']], 'GET', 400, ['hop', 'malformed-credentials']],
  ['no colon', 'basic', [['Authorization', `Basic ${Buffer.from('alice').toString('base64')}`]], 'GET', 400, ['hop', 'scheme-matched', 'basic-undecodable']],
  [
    'two Authorization fields',
    'basic',
    [
      ['Authorization', ALICE_BASIC],
      ['Authorization', ALICE_BASIC],
    ],
    'GET',
    400,
    ['hop', 'repeated-credentials'],
  ],
  ['scheme not offered', 'wrong-scheme', [['Authorization', ALICE_BASIC]], 'GET', 401, ['hop', 'scheme-not-offered']],
  ['malformed Authorization', 'malformed-authorization', [['Authorization', 'Bearer abc def']], 'GET', 400, ['hop', 'malformed-credentials']],
  ['garbage token', 'bearer', [['Authorization', 'Bearer not-a-jwt']], 'GET', 401, ['hop', 'scheme-matched', 'token-rejected']],
  ['role missing -> 403', 'forbidden-by-role', [['Authorization', ALICE_BASIC]], 'DELETE', 403, ['hop', 'scheme-matched', 'authenticated', 'role-missing']],
  ['role present -> 200', 'forbidden-by-role', [['Authorization', BOB_BASIC]], 'DELETE', 200, ['hop', 'scheme-matched', 'authenticated', 'granted']],
  ['role missing, hidden -> 404', 'hidden-with-404', [['Authorization', ALICE_BASIC]], 'GET', 404, ['hop', 'scheme-matched', 'authenticated', 'role-missing']],
  ['proxy first: 407', 'proxy-then-origin', [['Authorization', ALICE_BASIC]], 'GET', 407, ['hop', 'no-credentials']],
  [
    'proxy passed, origin asks: 401',
    'proxy-then-origin',
    [PROXY_ALICE],
    'GET',
    401,
    ['hop', 'scheme-matched', 'authenticated', 'proxy-forwarded', 'hop', 'no-credentials'],
  ],
  [
    'both answered: 200',
    'proxy-then-origin',
    [PROXY_ALICE, ['Authorization', ALICE_BASIC]],
    'GET',
    200,
    ['hop', 'scheme-matched', 'authenticated', 'proxy-forwarded', 'hop', 'scheme-matched', 'authenticated', 'granted'],
  ],
  [
    'UTF-8 credentials (RFC 7617 §2.1)',
    'basic-non-ascii',
    [['Authorization', basicFor('zoë', '123£')]],
    'GET',
    200,
    ['hop', 'scheme-matched', 'authenticated', 'granted'],
  ],
  [
    'ISO-8859-1 credentials where UTF-8 was asked',
    'basic-non-ascii',
    [['Authorization', basicFor('zoë', '123£', 'latin1')]],
    'GET',
    400,
    ['hop', 'scheme-matched', 'basic-undecodable'],
  ],
];

describe('evaluate: scenario x request', () => {
  test.each(CASES)('%s (%s)', async (_name, id, headers, method, status, kinds) => {
    const { response, trace } = await evaluate(scenario(id), request(`/api/sandbox/presets/${id}`, headers, method), testContext());
    expect(response.status).toBe(status);
    expect(trace.map((step) => step.kind)).toEqual(kinds);
    // Every step can be told to a learner.
    for (const step of trace) expect(describeStep(step).length).toBeGreaterThan(10);
    // Every refusal explains itself in problem details whose status is the real one (RFC 9457 §3.1.2).
    if (status !== 200) {
      expect(headerValues(response.headers, 'Content-Type')).toEqual(['application/problem+json']);
      const body = JSON.parse(response.body) as { status: number; detail: string; type: string };
      expect(body.status).toBe(status);
      expect(body.type).toBe('about:blank');
      expect(body.detail.length).toBeGreaterThan(10);
    }
  });

  test('a 401 always carries WWW-Authenticate and a 407 Proxy-Authenticate, never both (RFC 9110 §15.5.2, §15.5.8)', async () => {
    for (const [, id, headers, method, status] of CASES) {
      const { response } = await evaluate(scenario(id), request('/x', headers, method), testContext());
      const www = headerValues(response.headers, 'WWW-Authenticate');
      const proxy = headerValues(response.headers, 'Proxy-Authenticate');
      if (status === 401) expect([www.length > 0, proxy.length]).toEqual([true, 0]);
      if (status === 407) expect([proxy.length > 0, www.length]).toEqual([true, 0]);
    }
  });

  test('a proxy consumes Proxy-Authorization: the origin never sees it (RFC 9110 §11.7.2)', async () => {
    const { forwarded } = await evaluate(scenario('proxy-then-origin'), request('/x', [PROXY_ALICE, ['Authorization', ALICE_BASIC]]), testContext());
    expect(headerValues(forwarded?.headers ?? [], 'Proxy-Authorization')).toEqual([]);
    expect(headerValues(forwarded?.headers ?? [], 'Authorization')).toEqual([ALICE_BASIC]);
  });

  test('Bearer challenge is never bare: realm (and scope) without an error code when no token was sent (RFC 6750 §3)', async () => {
    const { response } = await evaluate(scenario('bearer'), request('/x'), testContext());
    expect(headerValues(response.headers, 'WWW-Authenticate')).toEqual(['Bearer realm="reports", scope="read"']);
  });

  test('a token in the query and the header is invalid_request, 400 (RFC 6750 §3.1)', async () => {
    const { response, trace } = await evaluate(scenario('bearer'), request('/x?access_token=abc', [['Authorization', 'Bearer abc']]), testContext());
    expect(response.status).toBe(400);
    expect(headerValues(response.headers, 'WWW-Authenticate')).toEqual(['Bearer realm="reports", error="invalid_request"']);
    expect(trace.at(-1)).toEqual({ kind: 'token-in-query', hop: 'origin', alsoInHeader: true });
  });

  // Found with Perl's LWP, which sent a Digest field with no nonce to the several-challenges scenario
  // and was told error="invalid_request" in a Bearer challenge, about a request that used no Bearer.
  test.each([
    ['a Digest answer without nonce, cnonce, nc or qop', [['Authorization', 'Digest username="alice", realm="reports", uri="/x", response="00"']], false],
    [
      'two Basic fields',
      [
        ['Authorization', ALICE_BASIC],
        ['Authorization', ALICE_BASIC],
      ],
      false,
    ],
    ['an unparseable Basic field', [['Authorization', 'Basic a b']], false],
    ['an unparseable Bearer field', [['Authorization', 'Bearer abc def']], true],
    [
      'a lower-case bearer field next to a Basic one',
      [
        ['Authorization', ALICE_BASIC],
        ['Authorization', 'bearer abc'],
      ],
      true,
    ],
    ['a token in the query', [], true],
  ] as [string, [string, string][], boolean][])(
    '400 for %s: a Bearer invalid_request challenge only when the request used Bearer',
    async (name, headers, bearer) => {
      const target = name === 'a token in the query' ? '/x?access_token=abc' : '/x';
      const { response } = await evaluate(scenario('several-challenges'), request(target, headers), testContext());
      expect(response.status).toBe(400);
      expect(headerValues(response.headers, 'WWW-Authenticate')).toEqual(bearer ? ['Bearer realm="reports", error="invalid_request"'] : []);
    },
  );

  test('several challenges: one field line each, in the configured order, or all on one line (RFC 9110 §11.6.1)', async () => {
    const several = scenario('several-challenges');
    const lines = headerValues((await evaluate(several, request('/x'), testContext())).response.headers, 'WWW-Authenticate');
    expect(lines.map((line) => line.split(' ')[0])).toEqual(['Digest', 'Bearer', 'Basic']);
    const oneLine = { ...several, origin: { ...several.origin, challengeLayout: 'one-line' as const } };
    const single = headerValues((await evaluate(oneLine, request('/x'), testContext())).response.headers, 'WWW-Authenticate');
    expect(single).toHaveLength(1);
    const parsed = parseChallenges(single);
    expect(parsed.ok && parsed.value.map((c) => c.scheme)).toEqual(['Digest', 'Bearer', 'Basic']);
  });

  test('Digest offers one challenge per algorithm, preferred first, quoting what RFC 7616 §3.3 says to quote', async () => {
    const lines = headerValues((await evaluate(scenario('digest'), request('/x'), testContext())).response.headers, 'WWW-Authenticate');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Digest realm="reports", qop="auth", algorithm=SHA-256, nonce="[^"]+", opaque="[^"]+", charset=UTF-8$/);
    expect(lines[1]).toContain('algorithm=MD5');
  });

  test("Digest keeps each user's H(username:realm:password) per realm and algorithm: every realm and algorithm still checks its own", async () => {
    const ctx = testContext();
    const signIn = async (layer: Scenario, algorithm: 'SHA-256' | 'MD5', password: string) => {
      const challenges = parseChallenges(headerValues((await evaluate(layer, request('/x'), ctx)).response.headers, 'WWW-Authenticate'));
      const challenge = challenges.ok ? challenges.value.find((c) => c.params.algorithm === algorithm) : undefined;
      if (!challenge) throw new Error(`no ${algorithm} challenge`);
      const answer = answerDigestChallenge({ challenge, username: 'alice', password, method: 'GET', uri: '/x', cnonce: 'c0ffee' });
      if (!answer.ok) throw new Error(answer.error.message);
      return (await evaluate(layer, request('/x', [['Authorization', formatCredentials(answer.value.credentials)]]), ctx)).response.status;
    };
    const reports = scenario('digest');
    const overridden = applyOverrides(reports, new URLSearchParams('realm=elsewhere'));
    if (!overridden.ok) throw new Error(overridden.message);
    // The very same user objects in another realm, as a scenario built from shared parts could hold them.
    const sameUsers: Scenario = { ...reports, origin: { ...reports.origin, realm: 'shared users' } };
    for (const layer of [reports, overridden.scenario, sameUsers, reports])
      for (const algorithm of ['SHA-256', 'MD5'] as const) {
        expect(await signIn(layer, algorithm, 'wonderland')).toBe(200);
        expect(await signIn(layer, algorithm, 'looking-glass')).toBe(401);
      }
  });

  test('an authenticated response is private: shared caches must not reuse it (RFC 9111 §3.5)', async () => {
    const { response } = await evaluate(scenario('basic'), request('/x', [['Authorization', ALICE_BASIC]]), testContext());
    expect(headerValues(response.headers, 'Cache-Control')).toEqual(['private, no-store']);
    expect(JSON.parse(response.body)).toMatchObject({ authenticated: true, user: 'alice', scheme: 'Basic' });
  });

  test('a refusal sent again (the plain 401 is kept per layer) says what this request did wrong, and is its own copy', async () => {
    const ctx = testContext();
    const detail = async (headers: [string, string][]) =>
      JSON.parse((await evaluate(scenario('basic'), request('/x', headers), ctx)).response.body).detail as string;
    const none = await detail([]);
    const wrong = await detail([['Authorization', basicFor('alice', 'looking-glass')]]);
    expect(wrong).not.toBe(none);
    expect(await detail([])).toBe(none);
    expect(await detail([['Authorization', basicFor('alice', 'looking-glass')]])).toBe(wrong);

    // A caller that changes a response it got changes nothing for the next request.
    const first = (await evaluate(scenario('basic'), request('/x'), ctx)).response;
    const original = first.headers.map(([name, value]) => [name, value]);
    first.headers.push(['X-Changed', 'yes']);
    const [field] = first.headers;
    if (field) field[1] = 'changed';
    const second = (await evaluate(scenario('basic'), request('/x'), ctx)).response;
    expect(second.headers).toEqual(original);
  });
});
