import fs from 'node:fs';
import path from 'node:path';
import { DIAGNOSIS_RULES, type Diagnosis, analyseRecording, diagnoseConversations, groupConversations, type RecordedExchange } from '@/lib/har';
import { loadRfcSections } from '@/lib/content/rfc-sections';
import { recorded, redactedInOrder } from './support';

// Every rule, table by table: the case it names (which rule, which hops, which severity), and near misses it
// must stay silent on. Exchanges are built by hand as a recorder writes them, then redacted as the page does:
// the rules only ever see placeholders, and no finding may carry a secret.

function diagnose(list: RecordedExchange[]): Diagnosis[] {
  const exchanges = redactedInOrder(list);
  return diagnoseConversations(groupConversations(exchanges), exchanges);
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT-shaped token with these claims; its signature is a secret the findings must not show. */
const jwt = (claims: Record<string, unknown>) => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.SIGNATURE-secret-0123456789abcdef`;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

const NOW = Date.UTC(2026, 11, 6, 16, 0, 0);
const DATE = new Date(NOW).toUTCString();
const bearerRefused: Array<[string, string]> = [['WWW-Authenticate', 'Bearer realm="api", error="invalid_token"']];
const bearerChallenge: Array<[string, string]> = [['WWW-Authenticate', 'Bearer realm="api"']];
const digestChallenge = (params: string): Array<[string, string]> => [['WWW-Authenticate', `Digest realm="api", nonce="n1", ${params}`]];
const digestAnswer = (params: string): Array<[string, string]> => [
  ['Authorization', `Digest username="alice", realm="api", uri="/reports", response="0123456789abcdef0123456789abcdef", ${params}`],
];
const qopAnswer = 'nonce="n1", qop=auth, nc=00000001, cnonce="c1"';

type Case = { rule: string; name: string; exchanges: () => RecordedExchange[]; hops: number[]; severity: Diagnosis['severity'] };

const FIRES: Case[] = [
  {
    rule: 'forbidden-without-credentials',
    name: 'a 403 to a bare request, then credentials work on the same URL',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 403),
      recorded('GET', 'https://api.example/reports', 200, { request: [['Authorization', 'Bearer opaque-token-123456']] }),
    ],
    hops: [0, 1],
    severity: 'problem',
  },
  {
    rule: 'forbidden-without-credentials',
    name: 'a 403 to a bare request, nothing after it',
    exchanges: () => [recorded('GET', 'https://api.example/reports', 403)],
    hops: [0],
    severity: 'warning',
  },
  {
    rule: 'insufficient-scope-401',
    name: 'a 401 with Bearer error="insufficient_scope"',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, {
        request: [['Authorization', 'Bearer opaque-token-123456']],
        response: [['WWW-Authenticate', 'Bearer realm="api", error="insufficient_scope", scope="reports:write"']],
      }),
    ],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'authorization-dropped-on-redirect',
    name: 'credentials sent, 301 to another host, 401 there without them',
    exchanges: () => [
      recorded('GET', 'https://api.example/v1/reports', 301, {
        request: [['Authorization', 'Bearer opaque-token-123456']],
        response: [['Location', 'https://www.api.example/v1/reports']],
      }),
      recorded('GET', 'https://www.api.example/v1/reports', 401, { response: bearerRefused }),
    ],
    hops: [0, 1],
    severity: 'problem',
  },
  {
    rule: 'authorization-dropped-on-redirect',
    name: 'http to https is another origin too (a chain of two redirects)',
    exchanges: () => [
      recorded('GET', 'http://api.example/v1/reports', 308, {
        request: [['Authorization', basic('alice', 'wonderland')]],
        response: [['Location', 'https://api.example/v1/reports']],
      }),
      recorded('GET', 'https://api.example/v1/reports', 308, { response: [['Location', 'https://api.example/v1/reports/']] }),
      recorded('GET', 'https://api.example/v1/reports/', 401, { response: [['WWW-Authenticate', 'Basic realm="api"']] }),
    ],
    hops: [0, 1, 2],
    severity: 'problem',
  },
  {
    rule: 'basic-over-http',
    name: 'Basic credentials to an http:// origin',
    exchanges: () => [recorded('GET', 'http://intranet.example/reports', 200, { request: [['Authorization', basic('alice', 'wonderland')]] })],
    hops: [0],
    severity: 'warning',
  },
  {
    rule: 'basic-over-http',
    name: 'a Basic challenge from an http:// origin',
    exchanges: () => [recorded('GET', 'http://intranet.example/reports', 401, { response: [['WWW-Authenticate', 'Basic realm="intranet"']] })],
    hops: [0],
    severity: 'warning',
  },
  {
    rule: 'bearer-over-http',
    name: 'a Bearer token to an http:// origin',
    exchanges: () => [recorded('GET', 'http://api.example/reports', 200, { request: [['Authorization', 'Bearer opaque-token-123456']] })],
    hops: [0],
    severity: 'warning',
  },
  {
    rule: 'expired-jwt',
    name: "a JWT past its exp by the response's Date",
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, {
        request: [['Authorization', `Bearer ${jwt({ sub: 'alice', exp: NOW / 1000 - 600 })}`]],
        response: [...bearerRefused, ['Date', DATE]],
      }),
    ],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'expired-jwt',
    name: 'a JWT past its exp by the request start, when there is no Date',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, {
        at: NOW,
        request: [['Authorization', `Bearer ${jwt({ sub: 'alice', exp: NOW / 1000 - 3600 })}`]],
        response: bearerRefused,
      }),
    ],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'wrong-audience',
    name: 'aud a URL of another origin',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, {
        request: [['Authorization', `Bearer ${jwt({ sub: 'alice', aud: 'https://billing.example' })}`]],
        response: bearerRefused,
      }),
    ],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'digest-stale-loop',
    name: 'stale=true twice after Digest answers',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, { response: digestChallenge('qop="auth", algorithm=SHA-256') }),
      recorded('GET', 'https://api.example/reports', 401, {
        request: digestAnswer(`algorithm=SHA-256, ${qopAnswer}`),
        response: digestChallenge('qop="auth", algorithm=SHA-256, stale=true'),
      }),
      recorded('GET', 'https://api.example/reports', 401, {
        request: digestAnswer(`algorithm=SHA-256, ${qopAnswer}`),
        response: digestChallenge('qop="auth", algorithm=SHA-256, stale=TRUE'),
      }),
    ],
    hops: [1, 2],
    severity: 'problem',
  },
  {
    rule: 'digest-algorithm-unsupported',
    name: 'the client answered MD5 (no algorithm) to a SHA-256-only challenge',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, { response: digestChallenge('qop="auth", algorithm=SHA-256') }),
      recorded('GET', 'https://api.example/reports', 401, { request: digestAnswer(qopAnswer), response: digestChallenge('qop="auth", algorithm=SHA-256') }),
    ],
    hops: [0, 1],
    severity: 'problem',
  },
  {
    rule: 'digest-algorithm-unsupported',
    name: 'the client answered in the RFC 2069 form (no qop) to a challenge with qop',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, { response: digestChallenge('qop="auth", algorithm=MD5') }),
      recorded('GET', 'https://api.example/reports', 401, { request: digestAnswer('nonce="n1", algorithm=MD5'), response: digestChallenge('qop="auth"') }),
    ],
    hops: [0, 1],
    severity: 'problem',
  },
  {
    rule: 'digest-algorithm-unsupported',
    name: 'only SHA-512-256 offered, and the client never answered',
    exchanges: () => [recorded('GET', 'https://api.example/reports', 401, { response: digestChallenge('qop="auth", algorithm=SHA-512-256') })],
    hops: [0],
    severity: 'warning',
  },
  {
    rule: 'challenge-not-exposed',
    name: 'a cross-origin fetch whose 401 does not expose WWW-Authenticate',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, {
        request: [
          ['Origin', 'https://app.example'],
          ['Sec-Fetch-Mode', 'cors'],
        ],
        response: [
          ['WWW-Authenticate', 'Bearer realm="api"'],
          ['Access-Control-Allow-Origin', 'https://app.example'],
          ['Access-Control-Allow-Credentials', 'true'],
          ['Access-Control-Expose-Headers', '*'],
        ],
      }),
    ],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'challenge-not-exposed',
    name: 'a cross-origin fetch whose 401 has no CORS headers at all',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, {
        request: [['Origin', 'https://app.example']],
        response: [['WWW-Authenticate', 'Bearer realm="api"']],
      }),
    ],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'preflight-needs-auth',
    name: 'a preflight answered 401',
    exchanges: () => [
      recorded('OPTIONS', 'https://api.example/reports', 401, {
        request: [
          ['Origin', 'https://app.example'],
          ['Access-Control-Request-Method', 'GET'],
          ['Access-Control-Request-Headers', 'authorization'],
        ],
        response: [
          ['WWW-Authenticate', 'Bearer realm="api"'],
          ['Access-Control-Allow-Origin', 'https://app.example'],
          ['Access-Control-Expose-Headers', 'WWW-Authenticate'],
        ],
      }),
    ],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'proxy-auth-from-origin',
    name: 'a 407 to an https request, no Via',
    exchanges: () => [recorded('GET', 'https://api.example/reports', 407, { response: [['Proxy-Authenticate', 'Basic realm="api"']] })],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'cacheable-401',
    name: 'a 401 with Cache-Control: public, max-age=600',
    exchanges: () => [recorded('GET', 'https://api.example/reports', 401, { response: [...bearerRefused, ['Cache-Control', 'public, max-age=600']] })],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'cacheable-401',
    name: 'a 401 the browser served from its cache',
    exchanges: () => [{ ...recorded('GET', 'https://api.example/reports', 401, { response: bearerRefused }), meta: { fromCache: true } }],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'credentials-retried',
    name: 'the same Basic credentials refused three times',
    exchanges: () =>
      [0, 1, 2].map(() =>
        recorded('GET', 'https://api.example/reports', 401, {
          request: [['Authorization', basic('alice', 'not-the-password')]],
          response: [['WWW-Authenticate', 'Basic realm="api"']],
        }),
      ),
    hops: [0, 1, 2],
    severity: 'problem',
  },
  {
    rule: 'session-expired-redirect',
    name: 'a 200 with the session cookie, then a 302 to /login',
    exchanges: () => [
      recorded('GET', 'https://app.example/dashboard', 200, { request: [['Cookie', 'session=abcdef123456']] }),
      recorded('GET', 'https://app.example/api/orders', 302, {
        request: [['Cookie', 'session=abcdef123456']],
        response: [['Location', '/login?next=%2Fapi%2Forders']],
      }),
    ],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'bearer-challenge-without-params',
    name: 'a bare WWW-Authenticate: Bearer',
    exchanges: () => [recorded('GET', 'https://api.example/reports', 401, { response: [['WWW-Authenticate', 'Bearer']] })],
    hops: [0],
    severity: 'warning',
  },
  {
    rule: 'several-credentials',
    name: 'two Authorization lines',
    exchanges: () => [
      recorded('GET', 'https://api.example/reports', 401, {
        request: [
          ['Authorization', 'Bearer opaque-token-123456'],
          ['Authorization', basic('alice', 'wonderland')],
        ],
        response: bearerRefused,
      }),
    ],
    hops: [0],
    severity: 'problem',
  },
  {
    rule: 'bearer-error-without-token',
    name: 'error="invalid_token" to a request without a token',
    exchanges: () => [recorded('GET', 'https://api.example/reports', 401, { response: bearerRefused })],
    hops: [0],
    severity: 'warning',
  },
];

describe.each(FIRES)('$rule', ({ rule, name, exchanges, hops, severity }) => {
  test(`fires on ${name}`, () => {
    const found = diagnose(exchanges()).filter((d) => d.rule === rule);
    expect(found).toEqual([expect.objectContaining({ rule, hops, severity, conversation: 1 })]);
    const [finding] = found;
    expect(finding?.title).not.toBe('');
    expect(finding?.explanation).not.toBe('');
    expect(finding?.fix).not.toBe('');
  });
});

// Near misses: each is one fact away from a case above, and no rule at all may fire on it.
const SILENT: Array<[string, () => RecordedExchange[]]> = [
  [
    'a 401 with a challenge, then a 200 with credentials',
    () => [
      recorded('GET', 'https://api.example/reports', 401, { response: [['WWW-Authenticate', 'Bearer realm="api"']] }),
      recorded('GET', 'https://api.example/reports', 200, { request: [['Authorization', 'Bearer opaque-token-123456']] }),
    ],
  ],
  [
    'a 403 to a request with credentials (they lacked permission: 403 is right)',
    () => [
      recorded('GET', 'https://api.example/reports', 403, {
        request: [['Authorization', 'Bearer opaque-token-123456']],
        response: [['WWW-Authenticate', 'Bearer realm="api", error="insufficient_scope", scope="write"']],
      }),
    ],
  ],
  ['a 403 to a request with a session cookie', () => [recorded('GET', 'https://app.example/admin', 403, { request: [['Cookie', 'session=abcdef123456']] })]],
  [
    'a same-origin redirect, credentials sent again',
    () => [
      recorded('GET', 'https://api.example/v1/reports', 301, {
        request: [['Authorization', 'Bearer opaque-token-123456']],
        response: [['Location', '/v1/reports/']],
      }),
      recorded('GET', 'https://api.example/v1/reports/', 200, { request: [['Authorization', 'Bearer opaque-token-123456']] }),
    ],
  ],
  [
    'a cross-origin redirect that carried no credentials before it either',
    () => [
      recorded('GET', 'https://start.example/go', 307, { response: [['Location', 'https://api.example/reports']] }),
      recorded('GET', 'https://api.example/reports', 401, { response: [['WWW-Authenticate', 'Basic realm="api"']] }),
    ],
  ],
  [
    'Basic over http:// to loopback',
    () => [
      recorded('GET', 'http://127.0.0.1:3000/reports', 401, { response: [['WWW-Authenticate', 'Basic realm="api"']] }),
      recorded('GET', 'http://localhost:3000/reports', 200, { request: [['Authorization', basic('alice', 'wonderland')]] }),
    ],
  ],
  ['Basic over https://', () => [recorded('GET', 'https://api.example/reports', 200, { request: [['Authorization', basic('alice', 'wonderland')]] })]],
  [
    'a JWT still valid by the Date, or expired only within a minute of leeway',
    () => [
      recorded('GET', 'https://api.example/a', 401, {
        request: [['Authorization', `Bearer ${jwt({ exp: NOW / 1000 + 600 })}`]],
        response: [...bearerRefused, ['Date', DATE]],
      }),
      recorded('GET', 'https://api.example/b', 401, {
        request: [['Authorization', `Bearer ${jwt({ exp: NOW / 1000 - 30 })}`]],
        response: [...bearerRefused, ['Date', DATE]],
      }),
    ],
  ],
  [
    'an expired JWT that got 200 is not what expired-jwt explains; neither is aud',
    () => [
      recorded('GET', 'https://api.example/a', 200, {
        request: [['Authorization', `Bearer ${jwt({ exp: NOW / 1000 - 600, aud: 'https://other.example' })}`]],
        response: [['Date', DATE]],
      }),
    ],
  ],
  [
    'an aud that names this origin (with a path), an aud that is no URL, an aud list that includes this origin',
    () => [
      recorded('GET', 'https://api.example/a', 401, {
        request: [['Authorization', `Bearer ${jwt({ aud: 'https://api.example/v1' })}`]],
        response: bearerRefused,
      }),
      recorded('GET', 'https://api.example/b', 401, { request: [['Authorization', `Bearer ${jwt({ aud: 'reports-api' })}`]], response: bearerRefused }),
      recorded('GET', 'https://api.example/c', 401, {
        request: [['Authorization', `Bearer ${jwt({ aud: ['https://other.example', 'https://api.example'] })}`]],
        response: bearerRefused,
      }),
    ],
  ],
  [
    'one stale=true, then success: Digest working as designed',
    () => [
      recorded('GET', 'https://api.example/reports', 401, {
        request: digestAnswer(`algorithm=SHA-256, ${qopAnswer}`),
        response: digestChallenge('qop="auth", algorithm=SHA-256, stale=true'),
      }),
      recorded('GET', 'https://api.example/reports', 200, { request: digestAnswer(`algorithm=SHA-256, ${qopAnswer}`) }),
    ],
  ],
  [
    'SHA-256 and MD5 offered, SHA-256 answered; MD5 offered and not (yet) answered',
    () => [
      recorded('GET', 'https://api.example/reports', 401, {
        response: [...digestChallenge('qop="auth", algorithm=SHA-256'), ...digestChallenge('qop="auth", algorithm=MD5')],
      }),
      recorded('GET', 'https://api.example/reports', 200, { request: digestAnswer(`algorithm=SHA-256, ${qopAnswer}`) }),
      recorded('GET', 'https://api.example/other', 401, { response: digestChallenge('qop="auth"') }),
    ],
  ],
  [
    'a cross-origin 401 that exposes its challenge; a navigation with Origin; a same-origin fetch',
    () => [
      recorded('GET', 'https://api.example/a', 401, {
        request: [
          ['Origin', 'https://app.example'],
          ['Sec-Fetch-Mode', 'cors'],
        ],
        response: [
          ['WWW-Authenticate', 'Bearer realm="api"'],
          ['Access-Control-Allow-Origin', 'https://app.example'],
          ['Access-Control-Expose-Headers', 'Date, www-authenticate'],
        ],
      }),
      recorded('POST', 'https://api.example/b', 401, {
        request: [
          ['Origin', 'https://app.example'],
          ['Sec-Fetch-Mode', 'navigate'],
        ],
        response: [['WWW-Authenticate', 'Bearer realm="api"']],
      }),
      recorded('GET', 'https://api.example/c', 401, { request: [['Origin', 'https://api.example']], response: [['WWW-Authenticate', 'Bearer realm="api"']] }),
    ],
  ],
  [
    'a preflight answered 204',
    () => [
      recorded('OPTIONS', 'https://api.example/reports', 204, {
        request: [
          ['Origin', 'https://app.example'],
          ['Access-Control-Request-Method', 'GET'],
        ],
      }),
      recorded('GET', 'https://api.example/reports', 200, {
        request: [
          ['Origin', 'https://app.example'],
          ['Authorization', 'Bearer opaque-token-123456'],
        ],
      }),
    ],
  ],
  [
    'a 407 from a proxy: over http://, or with Via, or to CONNECT',
    () => [
      recorded('GET', 'http://api.example/a', 407, { response: [['Proxy-Authenticate', 'Basic realm="proxy"']] }),
      recorded('GET', 'https://api.example/b', 407, {
        response: [
          ['Proxy-Authenticate', 'Basic realm="proxy"'],
          ['Via', '1.1 squid'],
        ],
      }),
      recorded('CONNECT', 'https://api.example:443', 407, { response: [['Proxy-Authenticate', 'Basic realm="proxy"']] }),
    ],
  ],
  [
    'a 401 with no-store, max-age=0, or private',
    () => [
      recorded('GET', 'https://api.example/a', 401, { response: [...bearerChallenge, ['Cache-Control', 'no-store, max-age=600']] }),
      recorded('GET', 'https://api.example/b', 401, { response: [...bearerChallenge, ['Cache-Control', 'max-age=0']] }),
      recorded('GET', 'https://api.example/c', 401, { response: [...bearerChallenge, ['Cache-Control', 'private, no-cache']] }),
    ],
  ],
  [
    'the same credentials refused twice, then different ones',
    () => [
      recorded('GET', 'https://api.example/r', 401, {
        request: [['Authorization', basic('alice', 'not-the-password')]],
        response: [['WWW-Authenticate', 'Basic realm="api"']],
      }),
      recorded('GET', 'https://api.example/r', 401, {
        request: [['Authorization', basic('alice', 'not-the-password')]],
        response: [['WWW-Authenticate', 'Basic realm="api"']],
      }),
      recorded('GET', 'https://api.example/r', 200, { request: [['Authorization', basic('alice', 'wonderland')]] }),
    ],
  ],
  ['a redirect to /login without ever being signed in', () => [recorded('GET', 'https://app.example/orders', 302, { response: [['Location', '/login']] })]],
];

test.each(SILENT)('silent on %s', (_name, exchanges) => {
  expect(diagnose(exchanges())).toEqual([]);
});

test('every rule has a case that fires, and is registered once', () => {
  const ids = DIAGNOSIS_RULES.map((rule) => rule.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.length).toBeGreaterThanOrEqual(15);
  const covered = new Set([...FIRES.map((c) => c.rule), 'no-challenge', 'rate-limited-not-auth']);
  expect(ids.filter((id) => !covered.has(id))).toEqual([]);
});

test('every finding cites sections that exist, in the form "RFC 9110 §11.6.1"', () => {
  const tables = loadRfcSections();
  const cited = FIRES.flatMap(({ exchanges }) => diagnose(exchanges())).flatMap((d) => d.rfc);
  expect(cited.length).toBeGreaterThan(FIRES.length);
  const wrong = cited.filter((citation) => {
    const match = /^RFC (\d+) §([0-9A-Z.]+)$/.exec(citation);
    return !match || !tables[Number(match[1])]?.sections.has(match[2] ?? '');
  });
  expect(wrong).toEqual([]);
});

test('no finding carries a secret: only what redaction left', () => {
  const found = JSON.stringify(FIRES.flatMap(({ exchanges }) => diagnose(exchanges())));
  for (const secret of [
    'wonderland',
    'not-the-password',
    'opaque-token-123456',
    'SIGNATURE-secret',
    'abcdef123456',
    '0123456789abcdef0123456789abcdef',
    'YWxpY2U6',
  ]) {
    expect(found).not.toContain(secret);
  }
});

test('the explanations use the recording: the token lifetime, the origins, the credentials id', () => {
  const [expired] = diagnose(FIRES.find((c) => c.rule === 'expired-jwt')!.exchanges()).filter((d) => d.rule === 'expired-jwt');
  expect(expired?.explanation).toMatch(/10 minutes before the server answered \(by the response's Date\)/);
  const [audience] = diagnose(FIRES.find((c) => c.rule === 'wrong-audience')!.exchanges());
  expect(audience?.explanation).toContain('aud is https://billing.example, not https://api.example');
  const [dropped] = diagnose(FIRES.find((c) => c.rule === 'authorization-dropped-on-redirect')!.exchanges()).filter(
    (d) => d.rule === 'authorization-dropped-on-redirect',
  );
  expect(dropped?.explanation).toContain('from https://api.example to https://www.api.example');
  expect(dropped?.fetch).toEqual([{ anchor: 'http-redirect-fetch', name: 'HTTP-redirect fetch' }]);
  const [loop] = diagnose(FIRES.find((c) => c.rule === 'credentials-retried')!.exchanges());
  expect(loop?.explanation).toMatch(/The same Basic credentials \(redacted as #1\) were sent 3 times/);
});

// The recorded fixtures, each with the exact list of findings it must produce.
const FIXTURES: Array<[string, string[]]> = [
  // The lab's Bearer hop sends a token the lab did not issue, which is also long expired and for another audience.
  ['chromium-lab.har', ['1:expired-jwt', '1:wrong-audience']],
  ['chromium-proxy.har', []],
  // Real Chromium making mistakes (scripts/har/record-mistakes.ts): a script resending one wrong password, a
  // page's Digest challenge offering only SHA-512-256 (Chromium never answered it), and a script's Basic
  // credentials Chromium removed on a redirect to another origin; the lab's cross-origin 401 exposes its challenge.
  ['chromium-mistakes.har', ['1:credentials-retried', '1:digest-algorithm-unsupported', '2:authorization-dropped-on-redirect']],
  ['curl-digest.txt', []],
  // Real curl -L -u: "Clear auth, redirects to port from … to …".
  ['curl-redirect.txt', ['1:authorization-dropped-on-redirect']],
  // Real curl through Debian's mitmproxy 8.1.1 and its har_dump.py (scripts/har/record-mitmproxy.ts).
  ['mitmproxy-lab.har', ['1:credentials-retried', '2:authorization-dropped-on-redirect']],
  ['firefox-bidi.har', ['1:expired-jwt', '1:wrong-audience']],
  ['firefox-handwritten.har', ['1:expired-jwt', '1:wrong-audience']],
  // Hand-written, one conversation per mistake (each file's log.comment says what it holds).
  [
    'handmade-client-mistakes.har',
    [
      '1:expired-jwt',
      '2:wrong-audience',
      '3:insufficient-scope-401',
      '4:authorization-dropped-on-redirect',
      '5:basic-over-http',
      '6:forbidden-without-credentials',
    ],
  ],
  [
    'handmade-server-mistakes.har',
    ['1:preflight-needs-auth', '2:cacheable-401', '3:proxy-auth-from-origin', '4:session-expired-redirect', '5:digest-stale-loop', '6:challenge-not-exposed'],
  ],
];

test.each(FIXTURES)('the recorded %s gives exactly %j', (file, expected) => {
  const { analysis } = analyseRecording(fs.readFileSync(path.join(__dirname, '../../fixtures/har', file), 'utf8'));
  if (analysis.kind !== 'analysed') throw new Error(analysis.message);
  expect(analysis.diagnoses.map((d) => `${d.conversation}:${d.rule}`)).toEqual(expected);
});

test('a preflight answered 401 is named once, as a preflight, not as a challenge the script could not read', () => {
  const preflight = FIRES.find((c) => c.rule === 'preflight-needs-auth')!;
  const [exchange] = preflight.exchanges();
  const bare = {
    ...exchange!,
    response: { ...exchange!.response, headers: exchange!.response.headers.filter(([name]) => name !== 'Access-Control-Expose-Headers') },
  };
  expect(diagnose([bare]).map((d) => d.rule)).toEqual(['preflight-needs-auth']);
});

test('a 401 stored with max-age and then served from the cache is one finding with both hops', () => {
  const { analysis } = analyseRecording(fs.readFileSync(path.join(__dirname, '../../fixtures/har/handmade-server-mistakes.har'), 'utf8'));
  if (analysis.kind !== 'analysed') throw new Error(analysis.message);
  const cached = analysis.diagnoses.find((d) => d.rule === 'cacheable-401');
  expect(cached).toEqual(expect.objectContaining({ title: 'A 401 served from a cache', hops: [0, 1] }));
  expect(cached?.explanation).toContain('`Cache-Control: public, max-age=600`');
  expect(cached?.explanation).toContain('served a 401 from its cache (hop 2)');
});

test('the real recordings name the real facts: Chromium ignored a SHA-512-256-only challenge, curl and Chromium dropped the credentials', () => {
  const read = (file: string) => {
    const { analysis } = analyseRecording(fs.readFileSync(path.join(__dirname, '../../fixtures/har', file), 'utf8'));
    if (analysis.kind !== 'analysed') throw new Error(analysis.message);
    return analysis.diagnoses;
  };
  const chromium = read('chromium-mistakes.har');
  expect(chromium.find((d) => d.rule === 'digest-algorithm-unsupported')).toEqual(
    expect.objectContaining({ severity: 'warning', explanation: expect.stringMatching(/offered only SHA-512-256, and the client did not answer it/) }),
  );
  expect(chromium.find((d) => d.rule === 'credentials-retried')?.explanation).toMatch(/sent 3 times in this conversation and refused every time \(401\)/);
  for (const file of ['chromium-mistakes.har', 'curl-redirect.txt', 'mitmproxy-lab.har']) {
    const dropped = read(file).find((d) => d.rule === 'authorization-dropped-on-redirect');
    expect(dropped?.explanation).toMatch(/carried Basic credentials and was redirected \(307\) from http:\/\/127\.0\.0\.1:\d+ to http:\/\/localhost:\d+/);
    expect(dropped?.hops).toEqual([0, 1]);
  }
});

test('every fixture in tests/fixtures/har is in the table above', () => {
  const files = fs.readdirSync(path.join(__dirname, '../../fixtures/har')).sort();
  expect(files).toEqual(FIXTURES.map(([file]) => file).sort());
});
