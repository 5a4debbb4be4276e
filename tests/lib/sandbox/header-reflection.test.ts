// Security review, header reflection: whatever a query override or a request field carries, every
// field line the sandbox writes is a well-formed field (RFC 9110 §5.5: no CR, LF, NUL or other
// controls, so nothing can be injected into the head), every challenge parses, and a reflected value
// (realm, proxy_realm, scope, a Digest cnonce) comes back exactly as sent, quoted and escaped per
// RFC 9110 §5.6.4. Both HTTP adapters must be able to write the result: node:http's writeHead
// (validateHeaderValue) and the Fetch Headers of the next-dev route handlers.
import { validateHeaderName, validateHeaderValue } from 'node:http';
import fc from 'fast-check';
import { answerDigestChallenge, formatCredentials, getParam, parseAuthInfo } from '@/lib/http-auth';
import { CORS_HEADERS } from '@/lib/sandbox/cors';
import { toNodeResponse } from '@/lib/sandbox/http/node';
import { toWebResponse } from '@/lib/sandbox/http/web';
import type { HeaderList, SandboxResponse } from '@/lib/sandbox/message';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { handleSandboxRequest } from '@/lib/sandbox/routes/router';
import { issueToken } from '@/lib/sandbox/engine/tokens';
import { challengesIn, expectOverridesRoundTrip, expectWellFormedFields, hostileQuery, hostileValue, listOf } from './hostile';
import { ALICE_BASIC, request, SECRET, testContext } from './support';

const RUNS = 400;

/** Both adapters accept the response head: node:http would throw ERR_INVALID_CHAR, Headers a TypeError. */
function expectWritable(response: SandboxResponse, method = 'GET'): void {
  const { fields } = toNodeResponse(response);
  for (let i = 0; i < fields.length; i += 2) {
    validateHeaderName(fields[i] ?? '');
    validateHeaderValue(fields[i] ?? '', fields[i + 1] ?? '');
  }
  toWebResponse(response, method);
}

function expectSafeHead(response: SandboxResponse, query: URLSearchParams): void {
  if (response.status < 200 || response.status >= 500) throw new Error(`status ${response.status} for ?${query.toString()}: ${response.body}`);
  expectWellFormedFields(response.headers);
  expectWritable(response);
  expectOverridesRoundTrip(response.status, response.headers, query);
}

const field = (headers: HeaderList, name: string) => headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);

describe('query overrides never break the response head', () => {
  test(`${RUNS} hostile overrides on every preset, without credentials: a 4xx, well-formed fields, challenges that parse and round-trip`, async () => {
    const ctx = testContext();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...allPresets().map((preset) => preset.id)), hostileQuery, async (id, query) => {
        const response = await handleSandboxRequest(request(`/api/sandbox/presets/${id}?${query.toString()}`), ctx);
        expectSafeHead(response, query);
        // A refused override is a 400 naming it; an accepted one is the preset's refusal.
        expect([400, 401, 407]).toContain(response.status);
      }),
      { numRuns: RUNS },
    );
  });

  test(`${RUNS} hostile overrides with credentials (Basic as alice, a Bearer token with scope read): granted or refused, never a broken head`, async () => {
    const ctx = testContext();
    const { token } = issueToken({ subject: 'alice', scope: ['read'], lifetimeSeconds: 300, now: ctx.now(), secret: SECRET });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('basic', 'bearer', 'forbidden-by-role', 'bearer-insufficient-scope', 'proxy-then-origin'),
        hostileQuery,
        async (id, query) => {
          const headers: HeaderList = [
            ['Authorization', id.startsWith('bearer') ? `Bearer ${token}` : ALICE_BASIC],
            ['Proxy-Authorization', ALICE_BASIC],
          ];
          const response = await handleSandboxRequest(request(`/api/sandbox/presets/${id}?${query.toString()}`, headers), ctx);
          expectSafeHead(response, query);
          if (response.status === 403) {
            // RFC 6750 §3.1: insufficient_scope names the scopes needed, as asked for in the query.
            for (const challenge of challengesIn(response.headers, 'WWW-Authenticate')) {
              expect(getParam(challenge.params, 'error')).toBe('insufficient_scope');
              const scope = query.get('scope');
              if (scope !== null) expect(getParam(challenge.params, 'scope')).toBe(listOf(scope).join(' '));
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  test.each([
    ['a quote and a backslash', 'a"b\\c', 'Basic realm="a\\"b\\\\c", charset="UTF-8"'],
    ['a comma and an equals sign', 'x", realm="evil', 'Basic realm="x\\", realm=\\"evil", charset="UTF-8"'],
  ])('RFC 9110 §5.6.4: a realm with %s is sent as one escaped quoted-string', async (_label, realm, expected) => {
    const response = await handleSandboxRequest(request(`/api/sandbox/basic?${new URLSearchParams({ realm })}`), testContext());
    expect(field(response.headers, 'WWW-Authenticate')).toEqual([expected]);
    expect(challengesIn(response.headers, 'WWW-Authenticate').map((challenge) => challenge.params.realm)).toEqual([realm]);
  });

  test.each([
    ['CR LF', 'a\r\nX-Injected: 1'],
    ['a bare LF', 'a\nX-Injected: 1'],
    ['NUL', 'a\0b'],
    ['DEL', 'a\x7fb'],
    ['non-ASCII', 'réalm'],
    ['a line separator', 'a\u2028b'],
  ])('a realm with %s is refused with 400 naming realm, and reflected nowhere in the head', async (_label, realm) => {
    for (const [name, endpoint] of [
      ['realm', 'basic'],
      ['proxy_realm', 'proxy'],
    ] as const) {
      const response = await handleSandboxRequest(request(`/api/sandbox/${endpoint}?${new URLSearchParams({ [name]: realm })}`), testContext());
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).detail).toContain('realm');
      expect(response.headers.some(([, value]) => value.includes(realm))).toBe(false);
      expectWellFormedFields(response.headers);
    }
  });

  test.each([
    ['a space (two scopes)', 'read write', 'read write'],
    // White space separates scopes, so CR and LF only ever split the list; they never reach the head.
    ['CR LF (three scopes)', 'read\r\nX-Injected: 1', 'read X-Injected: 1'],
    ['a quote', 'read"', undefined],
    ['a backslash', 're\\ad', undefined],
    ['NUL', 're\0ad', undefined],
    ['non-ASCII', 'lecture-é', undefined],
  ])('RFC 6750 §3: scope with %s', async (_label, scope, sent) => {
    const response = await handleSandboxRequest(request(`/api/sandbox/bearer?${new URLSearchParams({ scope })}`), testContext());
    expectWellFormedFields(response.headers);
    if (sent === undefined) {
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).detail).toContain('scope token');
    } else {
      expect(response.status).toBe(401);
      expect(field(response.headers, 'WWW-Authenticate')).toEqual([`Bearer realm="reports", scope="${sent}"`]);
    }
  });
});

describe('request fields reflected into response headers', () => {
  /** Octets a quoted-string may carry (RFC 9110 §5.6.4: qdtext and quoted-pair), quote and backslash included. */
  const quotable = fc.string({
    unit: fc
      .oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(0x09, 0x22, 0x5c))
      .map((code) => String.fromCharCode(code)),
    minLength: 1,
    maxLength: 30,
  });

  test('a Digest cnonce comes back in Authentication-Info exactly as sent, escaped (RFC 7616 §3.5)', async () => {
    await fc.assert(
      fc.asyncProperty(quotable, async (cnonce) => {
        const ctx = testContext();
        const first = await handleSandboxRequest(request('/api/sandbox/digest'), ctx);
        const [challenge] = challengesIn(first.headers, 'WWW-Authenticate');
        if (!challenge) throw new Error('no Digest challenge');
        const answer = answerDigestChallenge({ challenge, username: 'alice', password: 'wonderland', method: 'GET', uri: '/api/sandbox/digest', cnonce });
        if (!answer.ok) throw new Error(answer.error.message);
        const response = await handleSandboxRequest(request('/api/sandbox/digest', [['Authorization', formatCredentials(answer.value.credentials)]]), ctx);
        expect(response.status).toBe(200);
        expectWellFormedFields(response.headers);
        expectWritable(response);
        const [info] = field(response.headers, 'Authentication-Info');
        const parsed = parseAuthInfo(info ?? '', { scheme: 'Digest' });
        expect(parsed.ok && getParam(parsed.value, 'cnonce')).toBe(cnonce);
      }),
      { numRuns: 150 },
    );
  });

  test('a rejected Bearer token: error_description is a well-formed quoted-string that parses (RFC 6750 §3)', async () => {
    const ctx = testContext();
    for (const token of ['not-a-jwt', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.', `${'a'.repeat(200)}.b.c`]) {
      const response = await handleSandboxRequest(request('/api/sandbox/bearer', [['Authorization', `Bearer ${token}`]]), ctx);
      expect(response.status).toBe(401);
      expectWellFormedFields(response.headers);
      const [challenge] = challengesIn(response.headers, 'WWW-Authenticate');
      expect(getParam(challenge?.params ?? {}, 'error')).toBe('invalid_token');
      expect(getParam(challenge?.params ?? {}, 'error_description')).toEqual(expect.any(String));
    }
  });

  test('the token endpoint: hostile form fields reach only the JSON body, never a header', async () => {
    const ctx = testContext();
    // Every field line it can send; none depends on what the client sent.
    const fixed = new Set(
      [
        ...CORS_HEADERS,
        ['Content-Type', 'application/json'],
        ['Content-Type', 'application/problem+json'],
        ['Cache-Control', 'no-store'],
        ['Pragma', 'no-cache'],
        ['WWW-Authenticate', 'Basic realm="token", charset="UTF-8"'],
      ].map(([name, value]) => `${name}: ${value}`),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('grant_type', 'scope', 'client_id', 'client_secret', 'expires_in'), hostileValue),
        fc.boolean(),
        async (form, authenticate) => {
          const body = new URLSearchParams(form).toString();
          const headers: HeaderList = [
            ['Content-Type', 'application/x-www-form-urlencoded'],
            ...(authenticate ? [['Authorization', ALICE_BASIC] as [string, string]] : []),
          ];
          const response = await handleSandboxRequest(request('/api/sandbox/token', headers, 'POST', body), ctx);
          expect(response.status).toBeLessThan(500);
          expectWellFormedFields(response.headers);
          expectWritable(response, 'POST');
          for (const [name, value] of response.headers) expect(fixed).toContain(`${name}: ${value}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
