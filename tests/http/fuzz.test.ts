// HTTP-level fuzzing of the production server (server.ts, started by globalSetup): fast-check generates
// 10 000 requests (FUZZ_RUNS, below) to the sandbox endpoints and /api/exchange (random and mutated methods,
// targets, query strings, headers with Authorization/Proxy-Authorization variants, bodies, very long and
// non-UTF-8 values, then byte-level mutations of whole requests) and sends each as raw bytes on its own
// connection, so nothing is normalised or refused by a client library. For each: an answer within 5 s,
// never a 5xx, and every 4xx from the lab a problem+json body (RFC 9457) whose `status` is the real one.
// The server must answer normal requests afterwards. fast-check shrinks a failure to a small request.
import fc from 'fast-check';
import { isSandboxPath } from '@/lib/sandbox/routes/router';
import { AUTHORIZE_PATH, MCP_PATH, OAUTH_TOKEN_PATH, REGISTER_PATH } from '@/lib/sandbox/oauth/lab-metadata';
import { targetForm } from '@/lib/sandbox/http/target-form';
import { OVERRIDE_PARAMETERS } from '@/lib/sandbox/scenario/overrides';
import { COMPAT_CASES } from '@/lib/compat/cases';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { baseUrl } from './support/lab';
import { dpopKey, labAccessToken } from './support/lab-token';
import { createDpopProof } from '@/lib/http-auth';
import { sendRequestBytes } from './support/raw-http';

jest.setTimeout(240_000);

/**
 * How many requests in all: FUZZ_RUNS=<n> (a whole number from 10), 10 000 by default, which npm test and
 * CI keep (about 11 s on the 2-core machine, bench/README.md "Test run"); a smaller number for a quick
 * local run, a larger one to search further. Seven in ten are structured, the rest byte-mutated.
 */
const RUNS = fuzzRuns(process.env.FUZZ_RUNS);
const STRUCTURED_RUNS = Math.round(RUNS * 0.7);
const MUTATED_RUNS = RUNS - STRUCTURED_RUNS;
/** A fixed seed keeps CI reproducible; FUZZ_SEED=<n> explores elsewhere. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);

function fuzzRuns(setting: string | undefined): number {
  if (setting === undefined || setting === '') return 10_000;
  const runs = Number(setting);
  if (!Number.isInteger(runs) || runs < 10) throw new Error(`FUZZ_RUNS must be a whole number from 10, not ${JSON.stringify(setting)}`);
  return runs;
}

type Answer = { status: number; headers: [string, string][]; body: Buffer };
type Sent = { bytes: Buffer; method: string; target: string };

const histogram = new Map<string, number>();
let sentCount = 0;
const OAUTH_JSON_PATHS = [OAUTH_TOKEN_PATH, REGISTER_PATH];

/** Sends the bytes on a fresh connection; resolves with the answer, rejects on a hang or a silent close. */
async function send({ bytes, method }: Sent): Promise<Answer> {
  const { status, headLines, body } = await sendRequestBytes(baseUrl(), bytes, method);
  const headers = headLines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
  });
  return { status, headers, body };
}

/** What every answer must satisfy; throws a readable reason. Returns the histogram key. */
function check(sent: Sent, answer: Answer): string {
  const key = `${answer.status}`;
  if (answer.status >= 500) throw new Error(`${answer.status} for ${shown(sent)}: ${answer.body.toString('utf8').slice(0, 500)}`);
  // Routed as server.ts routes it. Next answers other paths (a mutation can change the target): only
  // "no 5xx, no hang" applies there. An absolute-form target that does not parse is server.ts's own 400.
  const routed = targetForm(sent.target);
  const lab = routed.kind === 'origin' && isSandboxPath(routed.target.split('?')[0] ?? '');
  if (answer.status >= 400 && (lab || answer.status === 400 || answer.status === 431 || answer.status === 408)) {
    const contentType = answer.headers.find(([name]) => name === 'content-type')?.[1] ?? '';
    const path = routed.kind === 'origin' ? (routed.target.split('?')[0] ?? '') : '';
    // The OAuth server speaks OAuth: its token and registration errors are RFC 6749 §5.2 / RFC 7591 §3.2.2
    // JSON with an error member, and the authorization endpoint's are pages for the browser (issue 18).
    if (lab && OAUTH_JSON_PATHS.includes(path) && /^application\/json\b/.test(contentType)) {
      if (sent.method !== 'HEAD' && typeof (JSON.parse(answer.body.toString('utf8')) as { error?: unknown }).error !== 'string') {
        throw new Error(`${answer.status} OAuth error without an error member for ${shown(sent)}`);
      }
      return key;
    }
    if (lab && path === AUTHORIZE_PATH && /^text\/html\b/.test(contentType)) return key;
    // Past its token check the MCP endpoint is the SDK's transport: its refusals are JSON-RPC 2.0 error
    // objects (JSON-RPC 2.0 §5.1), which MCP clients read, with the HTTP status the transport chose.
    if (lab && path === MCP_PATH && /^application\/json\b/.test(contentType)) {
      const error = sent.method === 'HEAD' ? undefined : (JSON.parse(answer.body.toString('utf8')) as { error?: { code?: unknown } }).error;
      if (sent.method !== 'HEAD' && typeof error?.code !== 'number')
        throw new Error(`${answer.status} JSON-RPC answer without an error code for ${shown(sent)}`);
      return key;
    }
    if (!/^application\/problem\+json\b/.test(contentType)) throw new Error(`${answer.status} with Content-Type "${contentType}" for ${shown(sent)}`);
    if (sent.method !== 'HEAD') {
      let problem: { status?: unknown };
      try {
        problem = JSON.parse(answer.body.toString('utf8')) as { status?: unknown };
      } catch {
        throw new Error(`${answer.status} whose body is not JSON (${JSON.stringify(answer.body.toString('latin1').slice(0, 200))}) for ${shown(sent)}`);
      }
      if (problem.status !== answer.status) throw new Error(`${answer.status} whose problem says status ${String(problem.status)} for ${shown(sent)}`);
    }
  }
  return key;
}

const shown = (sent: Sent) =>
  JSON.stringify(sent.bytes.subarray(0, 600).toString('latin1')) + (sent.bytes.length > 600 ? ` … (${sent.bytes.length} bytes)` : '');

async function exercise(sent: Sent) {
  sentCount += 1;
  const answer = await send(sent);
  const key = check(sent, answer);
  histogram.set(key, (histogram.get(key) ?? 0) + 1);
}

// ---- generators --------------------------------------------------------------------------------

const tokenChars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const token = fc.string({ unit: fc.constantFrom(...tokenChars), minLength: 1, maxLength: 12 });
/** Any byte string, as latin1 text: control characters, CR/LF and non-UTF-8 octets included. */
const bytesText = (maxLength: number) => fc.uint8Array({ maxLength }).map((array) => Buffer.from(array).toString('latin1'));
/** Octets a header value may carry (RFC 9110 §5.5: VCHAR, obs-text, SP, HTAB), non-UTF-8 included. */
const fieldText = (maxLength: number) =>
  fc
    .uint8Array({ maxLength, min: 0x09, max: 0xff })
    .map((array) => Buffer.from(array.filter((byte) => byte === 0x09 || byte >= 0x20).map((byte) => (byte === 0x7f ? 0x7e : byte))).toString('latin1'));
const veryLong = fc.integer({ min: 4_000, max: 20_000 }).chain((length) => fc.constantFrom('a', 'Z=', '\xff', '%', '"').map((unit) => unit.repeat(length)));

// Mostly methods node:http parses (it refuses any other with 400 before the lab sees it), some not.
const methods = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'QUERY') },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constantFrom('get', 'Post', 'CONNECTX'),
      token.map((text) => text.toUpperCase()),
    ),
  },
);

const presetIds = allPresets().map((preset) => preset.id);
/** A run of the compatibility cases (made in beforeAll), so hostile requests reach answerCase and the run store. */
let runId = '';
const RUN_ID_MARK = 'RUN-ID-FROM-BEFORE-ALL';
const paths = fc.oneof(
  fc.constantFrom(
    '/api/sandbox/basic',
    '/api/sandbox/digest',
    '/api/sandbox/bearer',
    '/api/sandbox/proxy',
    '/api/sandbox/presets',
    '/api/sandbox/token',
    '/api/sandbox/openapi.json',
    '/api/sandbox',
    '/api/exchange',
    '/api/sandbox/../exchange',
    '/api/sandbox//basic',
    '/api/sandbox/basic/',
    // The OAuth server (issue 18): hostile input on every new endpoint, open-redirect attempts included.
    '/api/sandbox/oauth/authorize',
    '/api/sandbox/oauth/token',
    '/api/sandbox/oauth/register',
    '/api/sandbox/oauth/whoami',
    '/api/sandbox/oauth/jwks',
    '/.well-known/oauth-protected-resource/api/sandbox/oauth/whoami',
    '/api/sandbox/oauth/mcp',
    '/.well-known/oauth-protected-resource/api/sandbox/oauth/mcp',
    '/api/sandbox/oauth/transfer',
    '/.well-known/oauth-protected-resource/api/sandbox/oauth/transfer',
    '/api/sandbox/oauth/dpop',
    '/.well-known/oauth-protected-resource/api/sandbox/oauth/dpop',
    '/api/sandbox/oauth/bearer-or-dpop',
    '/.well-known/oauth-authorization-server/api/sandbox/oauth',
    // Test your own client (issue 21): a real run (made in beforeAll) and its cases, and runs that are not.
    '/api/sandbox/runs',
    `/api/sandbox/runs/${RUN_ID_MARK}`,
    '/api/sandbox/runs/AAAAAAAAAAAAAAAAAAAAAA/cases/basic-plain',
  ),
  fc.constantFrom(...COMPAT_CASES.map((c) => c.id)).map((id) => `/api/sandbox/runs/${RUN_ID_MARK}/cases/${id}`),
  fc.oneof(token, fc.webSegment(), fc.constant('%00')).map((segment) => `/api/sandbox/runs/${RUN_ID_MARK}/cases/${segment}`),
  fc.constantFrom(...presetIds).map((id) => `/api/sandbox/presets/${id}`),
  fc.oneof(token, fc.webSegment()).map((segment) => `/api/sandbox/presets/${segment}`),
  fc.oneof(token, fc.webSegment(), fc.constant('%00'), fc.constant('%ZZ')).map((segment) => `/api/sandbox/${segment}`),
);

const queryValue = fc.oneof(
  fc.constantFrom(
    'SHA-256',
    'MD5',
    'SHA-512-256',
    'auth',
    'auth-int',
    'digest,basic',
    'none',
    'basic',
    '403',
    '404',
    '500',
    'true',
    '0',
    '-1',
    '3601',
    'one-line',
    'several-lines',
    'UTF-8',
    // Redirect URIs an open redirector would follow, and PKCE methods the lab refuses.
    encodeURIComponent('https://evil.example/cb'),
    encodeURIComponent('javascript:alert(1)'),
    encodeURIComponent('http://127.0.0.1:1@evil.example/cb'),
    'plain',
    'S256',
    'code',
    '',
  ),
  fc.webSegment(),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.uint8Array({ maxLength: 20 }).map((array) => [...array].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('')),
  fc.constantFrom('%', '%Z', '%E2%82', '%C0%AF', '%FF%FE'),
);
const longQueryValue = veryLong.map((text) => encodeURIComponent(text.slice(0, 5_000)));
const query = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...OVERRIDE_PARAMETERS),
        fc.constantFrom('response_type', 'client_id', 'redirect_uri', 'state', 'scope', 'resource', 'code_challenge', 'code_challenge_method'),
        token,
      ),
      fc.oneof({ weight: 30, arbitrary: queryValue }, { weight: 1, arbitrary: longQueryValue }),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}`));
// Origin-form mostly; absolute-form (a client using the lab as its proxy, RFC 9112 §3.2.2) now and then.
const authority = fc.oneof(
  { weight: 7, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('http://lab.example', 'HTTP://127.0.0.1:1', 'https://[::1]') },
);
const target = fc.tuple(paths, query, authority).map(([path, search, authority]) => `${authority}${path}${search}`);

const base64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');
const digestParamValue = fc.oneof(
  fc.webSegment(),
  fc.string({ maxLength: 30 }),
  fieldText(40),
  fc.constantFrom('"', '\\', '""', 'SHA-256', 'auth', '00000001', 'ffffffff', '0'),
);
const digestParams = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('username', 'username*', 'realm', 'nonce', 'uri', 'response', 'algorithm', 'cnonce', 'opaque', 'qop', 'nc', 'userhash'), token),
      digestParamValue,
      fc.boolean(),
    ),
    { maxLength: 12 },
  )
  .chain((params) =>
    fc
      .constantFrom(', ', ',', ' , ', ',,')
      .map((separator) => params.map(([name, value, quoted]) => (quoted ? `${name}="${value.replace(/"/g, '\\"')}"` : `${name}=${value}`)).join(separator)),
  );
const credentials = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('Basic', 'basic', 'BASIC'),
      fc.oneof(
        fc.constantFrom(
          base64('alice:wonderland'),
          base64('bob:builder'),
          base64('alice:'),
          base64(':'),
          base64('alicewonderland'),
          'YWxpY2U6d29uZGVybGFuZA',
          '====',
          '!!!',
        ),
        fc.tuple(fieldText(20), fieldText(20)).map(([user, password]) => base64(`${user}:${password}`)),
        fieldText(60),
      ),
    )
    .map(([scheme, value]) => `${scheme} ${value}`),
  fc.tuple(fc.constantFrom('Digest', 'digest'), digestParams).map(([scheme, params]) => `${scheme} ${params}`),
  fc
    .tuple(
      fc.constantFrom('Bearer', 'bearer'),
      fc.oneof(fc.constantFrom('eyJhbGciOiJIUzI1NiJ9.e30.', 'a.b.c', ''), fc.base64String({ maxLength: 300 }), fieldText(80)),
    )
    .map(([scheme, value]) => `${scheme} ${value}`),
  fc.tuple(token, fieldText(60)).map(([scheme, value]) => `${scheme} ${value}`),
  fieldText(100),
);
const headerName = fc.oneof(
  fc.constantFrom(
    'Authorization',
    'Proxy-Authorization',
    'authorization',
    'PROXY-AUTHORIZATION',
    'Accept',
    'Origin',
    'Cookie',
    'Content-Type',
    'X-Forwarded-For',
    'Access-Control-Request-Method',
    'Range',
    'If-None-Match',
    'DPoP',
  ),
  token,
);
const header = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom('Authorization', 'Proxy-Authorization', 'authorization'), credentials) },
  { weight: 9, arbitrary: fc.tuple(headerName, fc.oneof(fieldText(80), fc.constantFrom('*', 'null', 'application/json', 'text/html'))) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(headerName, fc.constantFrom('Authorization', 'Proxy-Authorization')), veryLong) },
);
const contentType = fc.option(
  fc.oneof(
    fc.constantFrom(
      'application/json',
      'application/x-www-form-urlencoded',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/problem+json',
    ),
    fieldText(40),
  ),
);
const exchangeJson = fc
  .record(
    {
      request: fc.record(
        {
          method: fc.oneof(fc.constantFrom('GET', 'POST', 'HEAD'), fc.string({ maxLength: 20 })),
          target: fc.oneof(target, fc.string({ maxLength: 60 })),
          headers: fc.array(fc.oneof(fc.tuple(headerName, fc.oneof(credentials, fc.string({ maxLength: 40 }))), fc.anything()), { maxLength: 4 }),
          body: fc.oneof(fc.string({ maxLength: 60 }), fc.anything()),
        },
        { requiredKeys: [] },
      ),
      // oauth: the whole chain runs from whatever target and sign-in the fuzzer sends (issue 18, the playground's chain).
      mode: fc.oneof(fc.constantFrom('manual', 'auto', 'oauth'), fc.anything()),
      signIn: fc.oneof(
        fc.constant(undefined),
        fc.anything(),
        fc.record({ username: fc.string(), password: fc.string(), decision: fc.oneof(fc.constantFrom('allow', 'deny'), fc.string()) }, { requiredKeys: [] }),
      ),
      client: fc.oneof(
        fc.constant(undefined),
        fc.anything(),
        fc.record({ username: fc.string(), password: fc.string(), token: fc.string() }, { requiredKeys: [] }),
      ),
    },
    { requiredKeys: ['request'] },
  )
  .map((value) => JSON.stringify(value));
const tokenForm = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('grant_type', 'scope', 'client_id', 'client_secret', 'expires_in'), token),
      fc.oneof(
        fc.constantFrom('client_credentials', 'password', 'read write', 'alice', 'wonderland', '86401', '1'),
        fc.string({ maxLength: 30 }).map(encodeURIComponent),
      ),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join('&'));
const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: exchangeJson },
  { weight: 2, arbitrary: tokenForm },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: bytesText(300) },
  { weight: 1, arbitrary: fc.integer({ min: 60_000, max: 70_000 }).map((length) => '{'.repeat(length)) },
);

const headers = fc.array(header, { maxLength: 5 });
const generic = fc.record({ method: methods, target, headers, contentType, body, chunked: fc.boolean() });
/** Requests shaped to get past the framing checks, so the engine's own parsing is what gets fuzzed. */
const exchangeShaped = fc.record({
  method: fc.constant('POST'),
  target: fc.constantFrom('/api/exchange', 'http://lab.example/api/exchange'),
  headers,
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON'),
  body: fc.oneof({ weight: 4, arbitrary: exchangeJson }, { weight: 1, arbitrary: fc.json() }, { weight: 1, arbitrary: bytesText(200) }),
  chunked: fc.boolean(),
});
const tokenShaped = fc.record({
  method: fc.constant('POST'),
  target: fc.constant('/api/sandbox/token'),
  headers,
  contentType: fc.constantFrom('application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=UTF-8'),
  body: fc.oneof({ weight: 4, arbitrary: tokenForm }, { weight: 1, arbitrary: bytesText(200) }),
  chunked: fc.boolean(),
});
/** A valid token for the MCP endpoint (got in beforeAll), so its requests reach the SDK's transport. */
let mcpToken = '';
const MCP_TOKEN_MARK = 'MCP-TOKEN-FROM-BEFORE-ALL';
const jsonRpc = fc.record(
  {
    jsonrpc: fc.constantFrom('2.0', '1.0', 2),
    id: fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null)),
    method: fc.oneof(fc.constantFrom('initialize', 'tools/list', 'tools/call', 'ping', 'notifications/initialized', 'resources/list'), token),
    params: fc.oneof(
      fc.record({ name: fc.constantFrom('whoami', 'explain_response', 'nothing'), arguments: fc.dictionary(fc.constantFrom('response', 'x'), fc.json()) }),
      fc.record({
        protocolVersion: fc.constantFrom('2025-11-25', '2025-06-18', '1999-01-01'),
        capabilities: fc.constant({}),
        clientInfo: fc.constant({ name: 'f', version: '1' }),
      }),
      fc.json().map((text) => JSON.parse(text) as unknown),
    ),
  },
  { requiredKeys: ['jsonrpc', 'method'] },
);
const mcpShaped = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'DELETE'),
  target: fc.constant(MCP_PATH),
  headers: fc.tuple(
    fc.constant<[string, string]>(['Authorization', `Bearer ${MCP_TOKEN_MARK}`]),
    fc.constantFrom<[string, string]>(
      ['Accept', 'application/json, text/event-stream'],
      ['Accept', 'application/json'],
      ['Accept', '*/*'],
      ['Mcp-Protocol-Version', 'nonsense'],
    ),
  ),
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', null),
  body: fc.oneof(
    { weight: 4, arbitrary: jsonRpc.map((message) => JSON.stringify(message)) },
    { weight: 1, arbitrary: fc.array(jsonRpc, { maxLength: 3 }).map((batch) => JSON.stringify(batch)) },
    { weight: 1, arbitrary: fc.json() },
    { weight: 1, arbitrary: bytesText(200) },
  ),
  chunked: fc.boolean(),
});
/** A DPoP-bound token (got in beforeAll), so garbage proofs reach the proof checks of the DPoP resources. */
let dpopToken = '';
let realProof = '';
const DPOP_TOKEN_MARK = 'DPOP-TOKEN-FROM-BEFORE-ALL';
const REAL_PROOF_MARK = 'REAL-PROOF-FROM-BEFORE-ALL';
const jwsPart = fc.oneof(
  fc.base64String({ maxLength: 120 }).map((text) => text.replace(/[+/=]/g, '')),
  fc.constant('eyJ0eXAiOiJkcG9wK2p3dCIsImFsZyI6Im5vbmUifQ'),
);
const dpopShaped = fc.record({
  method: fc.constantFrom('GET', 'GET', 'POST', 'HEAD'),
  target: fc.constantFrom('/api/sandbox/oauth/dpop', '/api/sandbox/oauth/bearer-or-dpop'),
  headers: fc.tuple(
    fc.constantFrom<[string, string]>(
      ['Authorization', `DPoP ${DPOP_TOKEN_MARK}`],
      ['Authorization', `Bearer ${DPOP_TOKEN_MARK}`],
      ['Authorization', 'DPoP a.b.c'],
    ),
    fc.tuple(
      fc.constantFrom('DPoP', 'dpop'),
      fc.oneof(
        fc.constant(REAL_PROOF_MARK),
        fc.tuple(jwsPart, jwsPart, jwsPart).map((parts) => parts.join('.')),
        fieldText(120),
      ),
    ),
  ),
  contentType: fc.constant(null),
  body: fc.constant(''),
  chunked: fc.constant(false),
});
const structured = fc.oneof(
  { weight: 1, arbitrary: dpopShaped },
  { weight: 3, arbitrary: generic },
  { weight: 1, arbitrary: exchangeShaped },
  { weight: 1, arbitrary: tokenShaped },
  { weight: 1, arbitrary: mcpShaped },
);

type Structured = typeof structured extends fc.Arbitrary<infer T> ? T : never;

function serialise({ method, target, headers, contentType, body, chunked }: Structured): Sent {
  const { host } = new URL(baseUrl());
  const payload = Buffer.from(body, body.length > 0 && /[^\x00-\xff]/.test(body) ? 'utf8' : 'latin1');
  const lines = [`${method} ${marked(target)} HTTP/1.1`, `Host: ${host}`, 'Connection: close', ...headers.map(([name, value]) => `${name}: ${marked(value)}`)];
  if (contentType !== null) lines.push(`Content-Type: ${contentType}`);
  if (payload.length > 0 && chunked) lines.push('Transfer-Encoding: chunked');
  else if (payload.length > 0 || method === 'POST') lines.push(`Content-Length: ${payload.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const framed =
    payload.length > 0 && chunked ? Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]) : payload;
  return { bytes: Buffer.concat([head, framed]), method, target };
}

/**
 * Byte-level mutations of a well-formed request: bytes replaced, inserted (CR, LF, NUL, 0xFF, ...) or
 * deleted anywhere in the request line and headers. Framing (Content-Length) stays last and true, so a
 * wait for a body that never comes cannot pass for a hang.
 */
const mutated = fc
  .tuple(
    structured,
    fc.array(
      fc.record({
        kind: fc.constantFrom('replace', 'insert', 'delete'),
        at: fc.nat(),
        byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x0d, 0x0a, 0x00, 0xff, 0x3a, 0x20, 0x22, 0x2c)),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([request, mutations]): Sent => {
    const { host } = new URL(baseUrl());
    const lines = [`${request.method} ${request.target} HTTP/1.1`, `Host: ${host}`, ...request.headers.map(([name, value]) => `${name}: ${marked(value)}`)];
    const head = [...Buffer.from(lines.join('\r\n'), 'latin1')];
    for (const { kind, at, byte } of mutations) {
      const index = head.length === 0 ? 0 : at % head.length;
      if (kind === 'replace') head[index] = byte;
      else if (kind === 'insert') head.splice(index, 0, byte);
      else head.splice(index, 1);
    }
    const payload = Buffer.from(request.body, 'latin1');
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from(`\r\nConnection: close\r\nContent-Length: ${payload.length}\r\n\r\n`, 'latin1'), payload]);
    const requestLine = Buffer.from(head).toString('latin1').split('\r\n')[0] ?? '';
    const [method = '', target = ''] = requestLine.split(' ');
    return { bytes, method, target };
  });

// ---- the runs --------------------------------------------------------------------------------------

/** The values got in beforeAll, in place of their marks. */
const marked = (value: string) =>
  value.replace(MCP_TOKEN_MARK, mcpToken).replace(DPOP_TOKEN_MARK, dpopToken).replace(REAL_PROOF_MARK, realProof).replace(RUN_ID_MARK, runId);

beforeAll(async () => {
  mcpToken = await labAccessToken(MCP_PATH, 'mcp:tools');
  const key = await dpopKey();
  dpopToken = await labAccessToken('/api/sandbox/oauth/dpop', 'whoami', undefined, key);
  realProof = await createDpopProof({ ...key, alg: 'ES256', htm: 'GET', htu: new URL('/api/sandbox/oauth/dpop', baseUrl()).href, accessToken: dpopToken });
  runId = ((await (await fetch(`${baseUrl()}/api/sandbox/runs`, { method: 'POST' })).json()) as { id: string }).id;
});

afterAll(() => {
  const statuses = [...histogram]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  console.log(`fuzz: ${sentCount} requests sent (seed ${SEED}); statuses: ${statuses}`);
});

describe('fuzzing the sandbox and /api/exchange over raw HTTP', () => {
  test(`${STRUCTURED_RUNS} generated requests: no 5xx, no hang, problem+json for every 4xx`, async () => {
    await fc.assert(fc.asyncProperty(structured.map(serialise), exercise), { numRuns: STRUCTURED_RUNS, seed: SEED });
  });

  test(`${MUTATED_RUNS} byte-mutated requests (CR, LF, NUL, non-UTF-8 anywhere in the head): no 5xx, no hang`, async () => {
    await fc.assert(fc.asyncProperty(mutated, exercise), { numRuns: MUTATED_RUNS, seed: SEED + 1 });
  });

  test('the server is healthy afterwards: a challenge, then alice gets in', async () => {
    expect(sentCount).toBeGreaterThanOrEqual(STRUCTURED_RUNS + MUTATED_RUNS);
    const challenge = await fetch(`${baseUrl()}/api/sandbox/basic`);
    expect(challenge.status).toBe(401);
    expect(challenge.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const ok = await fetch(`${baseUrl()}/api/sandbox/basic`, { headers: { Authorization: `Basic ${base64('alice:wonderland')}` } });
    expect(ok.status).toBe(200);
  });
});
