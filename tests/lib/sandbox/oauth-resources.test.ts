/** @jest-environment node */
// The two resources the lab's authorization server protects, through the router in-process: each 401 names
// its own metadata and scope (RFC 9728 §5.1), a token is accepted only by the resource it was asked for
// (RFC 8707 §2, RFC 9068 §4), and past the check the MCP endpoint is the SDK's transport.
import { issueAccessToken } from '@/lib/sandbox/oauth/access-token';
import { MCP_PATH, TRANSFER_PATH, WHOAMI_PATH } from '@/lib/sandbox/oauth/lab-metadata';
import { describeStep } from '@/lib/sandbox/engine/trace';
import { headerValues } from '@/lib/sandbox/message';
import { routeSandboxRequest } from '@/lib/sandbox/routes/router';
import { request, SECRET, testContext } from './support';

const ORIGIN = 'http://lab.test';
const HOST: [string, string] = ['Host', 'lab.test'];
const random = (length: number) => new Uint8Array(length).fill(7);

async function tokenFor(path: string, scope: string[], overrides: { issuer?: string; acr?: string; signedInSecondsAgo?: number } = {}) {
  const ctx = testContext();
  const token = await issueAccessToken(
    {
      issuer: overrides.issuer ?? `${ORIGIN}/api/sandbox/oauth`,
      resource: `${ORIGIN}${path}`,
      subject: 'bob',
      clientId: 'client-9',
      scope,
      lifetimeSeconds: 300,
      acr: overrides.acr ?? 'password',
      authTime: Math.floor(ctx.now() / 1000) - (overrides.signedInSecondsAgo ?? 0),
    },
    { secret: SECRET, now: ctx.now(), random },
  );
  return { ctx, token };
}

const MCP_HEADERS = (token: string): [string, string][] => [
  HOST,
  ['Authorization', `Bearer ${token}`],
  ['Content-Type', 'application/json'],
  ['Accept', 'application/json, text/event-stream'],
];
const rpc = (message: object) => JSON.stringify({ jsonrpc: '2.0', ...message });

describe.each([
  [WHOAMI_PATH, 'whoami', 'GET'],
  [MCP_PATH, 'mcp:tools', 'POST'],
  [TRANSFER_PATH, 'transfer', 'POST'],
])('%s', (path, scope, method) => {
  test('no token: 401 with its own resource_metadata and scope, and that metadata names it', async () => {
    const ctx = testContext();
    const { response } = await routeSandboxRequest(request(path, [HOST], method, method === 'POST' ? rpc({ id: 1, method: 'tools/list' }) : ''), ctx);
    expect(response.status).toBe(401);
    expect(headerValues(response.headers, 'WWW-Authenticate')).toEqual([
      `Bearer realm="lab", scope="${scope}", resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource${path}"`,
    ]);
    const metadata = await routeSandboxRequest(request(`/.well-known/oauth-protected-resource${path}`, [HOST]), ctx);
    expect(JSON.parse(metadata.response.body)).toMatchObject({ resource: `${ORIGIN}${path}`, scopes_supported: [scope] });
  });

  test('a token for another resource: 401 invalid_token naming both audiences', async () => {
    const other = path === WHOAMI_PATH ? MCP_PATH : WHOAMI_PATH;
    const { ctx, token } = await tokenFor(other, ['whoami', 'mcp:tools']);
    const { response } = await routeSandboxRequest(request(path, MCP_HEADERS(token), method, rpc({ id: 1, method: 'tools/list' })), ctx);
    expect(response.status).toBe(401);
    const challenge = headerValues(response.headers, 'WWW-Authenticate')[0] ?? '';
    expect(challenge).toContain('error="invalid_token"');
    expect(challenge).toContain(`This token is for ${ORIGIN}${other}, not ${ORIGIN}${path}`);
    expect(challenge).toContain('(RFC 8707 section 2, RFC 9068 section 4)');
  });

  test('a token without the scope: 403 insufficient_scope naming the scope', async () => {
    const { ctx, token } = await tokenFor(path, ['openid']);
    const { response } = await routeSandboxRequest(request(path, MCP_HEADERS(token), method, rpc({ id: 1, method: 'tools/list' })), ctx);
    expect(response.status).toBe(403);
    expect(headerValues(response.headers, 'WWW-Authenticate')[0]).toContain(`scope="${scope}", error="insufficient_scope"`);
  });

  test('two Authorization fields: 400 invalid_request', async () => {
    const { ctx, token } = await tokenFor(path, [scope]);
    const headers: [string, string][] = [...MCP_HEADERS(token), ['Authorization', `Bearer ${token}`]];
    const { response } = await routeSandboxRequest(request(path, headers, method, rpc({ id: 1, method: 'tools/list' })), ctx);
    expect(response.status).toBe(400);
    expect(headerValues(response.headers, 'WWW-Authenticate')[0]).toContain('error="invalid_request"');
  });
});

describe('the MCP endpoint past the token check', () => {
  test('tools/list names whoami and explain_response; whoami answers with the token’s user and audience', async () => {
    const { ctx, token } = await tokenFor(MCP_PATH, ['mcp:tools']);
    const listed = await routeSandboxRequest(request(MCP_PATH, MCP_HEADERS(token), 'POST', rpc({ id: 1, method: 'tools/list' })), ctx);
    expect(listed.response.status).toBe(200);
    const tools = (JSON.parse(listed.response.body) as { result: { tools: { name: string }[] } }).result.tools.map((tool) => tool.name);
    expect(tools.sort()).toEqual(['explain_response', 'whoami']);
    const called = await routeSandboxRequest(
      request(MCP_PATH, MCP_HEADERS(token), 'POST', rpc({ id: 2, method: 'tools/call', params: { name: 'whoami' } })),
      ctx,
    );
    const text = (JSON.parse(called.response.body) as { result: { content: { text: string }[] } }).result.content[0]?.text ?? '';
    expect(text).toContain('You are bob, through the client client-9');
    expect(text).toContain(`"aud": "${ORIGIN}${MCP_PATH}"`);
  });

  test('explain_response reads a pasted 407 and says what it asks for', async () => {
    const { ctx, token } = await tokenFor(MCP_PATH, ['mcp:tools']);
    const pasted = 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n';
    const called = await routeSandboxRequest(
      request(
        MCP_PATH,
        MCP_HEADERS(token),
        'POST',
        rpc({ id: 3, method: 'tools/call', params: { name: 'explain_response', arguments: { response: pasted } } }),
      ),
      ctx,
    );
    const text = (JSON.parse(called.response.body) as { result: { content: { text: string }[] } }).result.content[0]?.text ?? '';
    expect(text).toMatch(/Proxy-Authorization/);
  });

  test('malformed JSON and a wrong Accept get the transport’s JSON-RPC errors, never a 5xx', async () => {
    const { ctx, token } = await tokenFor(MCP_PATH, ['mcp:tools']);
    const malformed = await routeSandboxRequest(request(MCP_PATH, MCP_HEADERS(token), 'POST', '{"jsonrpc":'), ctx);
    expect([malformed.response.status, JSON.parse(malformed.response.body).error.code]).toEqual([400, -32700]);
    const headers = MCP_HEADERS(token).map(([name, value]): [string, string] => (name === 'Accept' ? [name, 'text/html'] : [name, value]));
    const refused = await routeSandboxRequest(request(MCP_PATH, headers, 'POST', rpc({ id: 1, method: 'tools/list' })), ctx);
    expect(refused.response.status).toBe(406);
  });
});

describe('the transfer: a step-up resource (RFC 9470)', () => {
  const transfer = async (token: string, ctx: ReturnType<typeof testContext>) => {
    const result = await routeSandboxRequest(request(TRANSFER_PATH, [HOST, ['Authorization', `Bearer ${token}`]], 'POST'), ctx);
    return Object.assign(result.response, { trace: result.trace.map((step) => `${step.kind}: ${describeStep(step)}`) });
  };

  // RFC 9470 §3: acr_values and max_age may be tokens or quoted-strings; the formatter quotes them as its examples do.
  test('a password-only sign-in: 401 insufficient_user_authentication with acr_values and max_age, saying what to ask for', async () => {
    const { ctx, token } = await tokenFor(TRANSFER_PATH, ['transfer'], { acr: 'password' });
    const response = await transfer(token, ctx);
    expect(response.status).toBe(401);
    const challenge = headerValues(response.headers, 'WWW-Authenticate')[0] ?? '';
    expect(challenge).toMatch(
      /^Bearer realm="lab", error="insufficient_user_authentication", error_description="[^"]*acr_values=mfa[^"]*", resource_metadata="[^"]+", acr_values="mfa", max_age="120"$/,
    );
  });

  test('a two-factor sign-in 200 s ago, in a token still valid: 401 asking for max_age=120', async () => {
    const { ctx, token } = await tokenFor(TRANSFER_PATH, ['transfer'], { acr: 'mfa', signedInSecondsAgo: 200 });
    const response = await transfer(token, ctx);
    expect(response.status).toBe(401);
    expect(headerValues(response.headers, 'WWW-Authenticate')[0]).toContain('200 s ago. Ask for authorization again with max_age=120');
    // The trace says it in words for the playground's conversation view.
    expect(response.trace).toEqual([
      'hop: The origin server (realm "lab") checks the request.',
      expect.stringMatching(
        /^step-up-needed: The token is valid, but the sign-in behind it is not enough: .*200 s ago.* 401 with error="insufficient_user_authentication"\.$/,
      ),
    ]);
  });

  test('a two-factor sign-in 30 s ago: 200, saying how and when', async () => {
    const { ctx, token } = await tokenFor(TRANSFER_PATH, ['transfer'], { acr: 'mfa', signedInSecondsAgo: 30 });
    const response = await transfer(token, ctx);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ approved: true, sub: 'bob', acr: 'mfa', signed_in_seconds_ago: 30 });
    expect(response.trace.map((line) => line.split(':')[0])).toEqual(['hop', 'authenticated', 'granted']);
  });

  test('whoami does not care how the user signed in', async () => {
    const { ctx, token } = await tokenFor(WHOAMI_PATH, ['whoami'], { acr: 'password', signedInSecondsAgo: 250 });
    const { response } = await routeSandboxRequest(request(WHOAMI_PATH, [HOST, ['Authorization', `Bearer ${token}`]]), ctx);
    expect(response.status).toBe(200);
  });
});
