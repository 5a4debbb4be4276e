import { runExchange } from '@/lib/sandbox/exchange/run';
import { sandboxSender } from '@/lib/sandbox/routes/router';
import { exchangeInputSchema, type ExchangeInput } from '@/lib/sandbox/exchange/input';
import { headerValues } from '@/lib/sandbox/message';
import { NTLMSSP_OID, buildNtlmNegotiate, encodeBase64, readNegotiateToken, readNtlmMessage } from '@/lib/http-auth';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { testContext } from './support';

function run(input: ExchangeInput, ctx = testContext()) {
  return runExchange(exchangeInputSchema.parse(input), ctx, sandboxSender(ctx));
}

function presetInput(id: string): ExchangeInput {
  const preset = allPresets().find((p) => p.id === id);
  if (!preset) throw new Error(id);
  return {
    request: { method: preset.request.method, target: preset.request.path, headers: preset.request.headers, body: preset.request.body ?? '' },
    mode: 'auto',
  };
}

// What a careful client experiences with each preset in auto mode: the statuses, in order.
const CONVERSATIONS: [string, number[]][] = [
  ['basic', [401, 200]],
  ['digest', [401, 200]],
  ['bearer', [401, 200]],
  ['basic-missing-credentials', [401, 200]],
  ['basic-wrong-password', [401, 401]],
  ['wrong-scheme', [401]],
  ['lowercase-scheme', [200]],
  ['bearer-expired-token', [401, 401, 200]],
  ['bearer-insufficient-scope', [401, 403]],
  ['malformed-authorization', [400]],
  ['digest-stale-nonce', [401, 401, 200]],
  ['digest-auth-int', [401, 200]],
  ['several-challenges', [401, 200]],
  ['proxy-then-origin', [407, 401, 200]],
  ['forbidden-by-role', [401, 403]],
  ['hidden-with-404', [401, 404]],
  ['basic-non-ascii', [401, 200]],
  ['ntlm', [401, 401, 200]],
  ['negotiate', [401, 401, 200]],
  ['ntlm-proxy', [407, 407, 401, 200]],
  ['ntlm-split-connection', [401, 401, 401]],
];

describe('exchange in auto mode', () => {
  test('every preset has a conversation below', () => {
    expect(CONVERSATIONS.map(([id]) => id).sort()).toEqual(
      allPresets()
        .map((preset) => preset.id)
        .sort(),
    );
  });

  test.each(CONVERSATIONS)('%s: %j', async (id, statuses) => {
    const transcript = await run(presetInput(id));
    expect(transcript.steps.map((step) => step.response.status)).toEqual(statuses);
    expect(transcript.preset?.id).toBe(id);
    expect(transcript.steps.at(-1)?.next.kind).toBe('stop');
    for (const step of transcript.steps) {
      expect(step.request.raw).toMatch(/^[A-Z]+ \/api\/sandbox\/\S+ HTTP\/1\.1\r\nHost: /);
      expect(step.response.raw.startsWith(`HTTP/1.1 ${step.response.status} `)).toBe(true);
      expect(step.trace.every((t) => t.text.length > 0)).toBe(true);
    }
  });

  test('proxy then origin: the proxy answers first, then the origin, each retry adding one field', async () => {
    const [first, second, third] = (await run(presetInput('proxy-then-origin'))).steps;
    expect([first?.respondedBy, second?.respondedBy, third?.respondedBy]).toEqual(['proxy', 'origin', 'origin']);
    expect(headerValues(second?.request.headers ?? [], 'Proxy-Authorization')).toHaveLength(1);
    expect(headerValues(second?.forwarded?.headers ?? [], 'Proxy-Authorization')).toEqual([]);
    expect(headerValues(third?.request.headers ?? [], 'Authorization')).toHaveLength(1);
  });

  test('several challenges: the client explains why it picked Digest over Basic', async () => {
    const [first] = (await run(presetInput('several-challenges'))).steps;
    expect(first?.next.kind).toBe('retry');
    expect(first?.next.explanation).toMatch(/Digest/);
  });

  test('stale nonce: the second answer is a retry without asking the user (RFC 7616 §3.3)', async () => {
    const steps = (await run(presetInput('digest-stale-nonce'))).steps;
    expect(headerValues(steps[1]?.response.headers ?? [], 'WWW-Authenticate')[0]).toContain('stale=true');
    expect(steps[1]?.trace.map((t) => t.kind)).toContain('digest-stale');
  });

  test('manual mode sends exactly one request', async () => {
    const transcript = await run({ ...presetInput('proxy-then-origin'), mode: 'manual' });
    expect(transcript.steps).toHaveLength(1);
    expect(transcript.steps[0]?.next).toEqual({ kind: 'stop', explanation: 'Manual mode: you decide what to send next.' });
  });

  test('a client profile overrides the preset’s: bob may delete', async () => {
    const transcript = await run({ ...presetInput('forbidden-by-role'), client: { origin: { kind: 'password', user: 'bob', password: 'builder' } } });
    expect(transcript.steps.map((s) => s.response.status)).toEqual([401, 200]);
  });

  test.each([
    ['a target outside the sandbox', { request: { method: 'GET', target: '/etc/passwd' } }],
    ['an absolute URL (no outbound requests)', { request: { method: 'GET', target: 'http://169.254.169.254/latest' } }],
    ['a header value with CR LF', { request: { method: 'GET', target: '/api/sandbox/basic', headers: [['X-A', 'a\r\nInjected: 1']] } }],
    ['a header name that is not a token', { request: { method: 'GET', target: '/api/sandbox/basic', headers: [['Bad Name', 'x']] } }],
    ['a lower-case method', { request: { method: 'get', target: '/api/sandbox/basic' } }],
  ])('refuses %s', (_name, input) => {
    expect(exchangeInputSchema.safeParse(input).success).toBe(false);
  });
});

// NTLM and Negotiate authenticate the connection (MS-NLMP §3.1.5): each step says which one it used.
describe('simulated connections', () => {
  const connections = (steps: { connection?: { id: number; opened: boolean } }[]) => steps.map((step) => step.connection);

  test('a keep-alive client runs the three NTLM legs on connection 1, opened once', async () => {
    const steps = (await run(presetInput('ntlm'))).steps;
    expect(connections(steps)).toEqual([
      { id: 1, opened: true },
      { id: 1, opened: false },
      { id: 1, opened: false },
    ]);
    expect(steps[1]?.trace).toContainEqual(expect.objectContaining({ kind: 'connection-challenge', connection: 1 }));
    expect(steps[2]?.trace).toContainEqual(expect.objectContaining({ kind: 'authenticated', user: 'alice' }));
    expect(JSON.parse(steps[2]?.response.body ?? '{}')).toMatchObject({ connection: { id: 1, authenticated: true } });
    expect(steps[2]?.next.explanation).toContain('The NTLM handshake authenticated connection 1 to the origin: later requests on it go without Authorization');
  });

  test('the legs: NEGOTIATE, then an AUTHENTICATE with a MIC answering the CHALLENGE', async () => {
    const steps = (await run(presetInput('ntlm'))).steps;
    const sent = steps.map((step) => headerValues(step.request.headers, 'Authorization')[0] ?? '');
    const leg = (value: string) => readNtlmMessage(value.replace(/^NTLM /, ''));
    expect(sent[0]).toBe('');
    expect(leg(sent[1] ?? '')).toMatchObject({ kind: 'message', message: { kind: 'negotiate' } });
    expect(leg(sent[2] ?? '')).toMatchObject({ kind: 'message', message: { kind: 'authenticate', micAnnounced: true, user: { value: 'alice' } } });
    expect(headerValues(steps[1]?.response.headers ?? [], 'WWW-Authenticate')[0]).toMatch(/^NTLM \S+$/);
  });

  test('Negotiate wraps NTLM in SPNEGO: a NegTokenInit offering NTLM, then a NegTokenResp', async () => {
    const steps = (await run(presetInput('negotiate'))).steps;
    const token = (index: number) =>
      readNegotiateToken((headerValues(steps[index]?.request.headers ?? [], 'Authorization')[0] ?? '').replace(/^Negotiate /, ''));
    expect(token(1)).toMatchObject({ kind: 'token', token: { kind: 'spnego-init', mechanisms: [{ oid: NTLMSSP_OID }], mechToken: { kind: 'ntlm' } } });
    expect(token(2)).toMatchObject({ kind: 'token', token: { kind: 'spnego-response', responseToken: { kind: 'ntlm' } } });
    expect(steps.map((step) => step.connection?.id)).toEqual([1, 1, 1]);
    // RFC 4559 §5: the 200 carries the server's last token, which the client reads as the end of the handshake.
    expect(steps[2]?.next.explanation).toContain('accept-completed');
  });

  test('at the proxy: 407, 407, then the origin asks on the same connection without Proxy-Authorization again', async () => {
    const steps = (await run(presetInput('ntlm-proxy'))).steps;
    expect(steps.map((step) => step.respondedBy)).toEqual(['proxy', 'proxy', 'origin', 'origin']);
    expect(steps.map((step) => step.connection?.id)).toEqual([1, 1, 1, 1]);
    expect(headerValues(steps[2]?.request.headers ?? [], 'Proxy-Authorization')[0]).toMatch(/^NTLM /);
    // The handshake authenticated the connection: sending the AUTHENTICATE again would be a replay.
    expect(headerValues(steps[3]?.request.headers ?? [], 'Proxy-Authorization')).toEqual([]);
    expect(steps[2]?.next.explanation).toContain('Proxy-Authorization is left out: its handshake already authenticated this connection.');
    expect(steps[3]?.next.explanation).toContain('The NTLM handshake authenticated connection 1 to the proxy');
    expect(steps[3]?.trace).toContainEqual(expect.objectContaining({ kind: 'connection-reused', hop: 'proxy', connection: 1 }));
  });

  test('a new connection between the legs: the AUTHENTICATE is refused, and the client says why and stops', async () => {
    const steps = (await run(presetInput('ntlm-split-connection'))).steps;
    expect(connections(steps)).toEqual([
      { id: 1, opened: true },
      { id: 2, opened: true },
      { id: 3, opened: true },
    ]);
    expect(steps[1]?.trace).toContainEqual(expect.objectContaining({ kind: 'connection-challenge', connection: 2 }));
    expect(steps[2]?.trace).toContainEqual(expect.objectContaining({ kind: 'connection-refused', reason: 'no-handshake' }));
    expect(steps[1]?.next.explanation).toContain('opens a new connection for every request');
    expect(steps[2]?.next).toMatchObject({ kind: 'stop' });
    expect(steps[2]?.next.explanation).toMatch(/connection 3, but the CHALLENGE it answers was issued on connection 2/);
  });

  test('the same client kept alive gets through: only the connections differ', async () => {
    const input = presetInput('ntlm-split-connection');
    const transcript = await run({ ...input, client: { origin: { kind: 'password', user: 'alice', password: 'wonderland' }, connections: 'keep-alive' } });
    expect(transcript.steps.map((step) => step.response.status)).toEqual([401, 401, 200]);
  });

  test('Basic does not care: a new connection per request still gets 200', async () => {
    const transcript = await run({
      ...presetInput('basic'),
      client: { origin: { kind: 'password', user: 'alice', password: 'wonderland' }, connections: 'new-per-request' },
    });
    expect(transcript.steps.map((step) => [step.response.status, step.connection?.id])).toEqual([
      [401, 1],
      [200, 2],
    ]);
  });

  test('a wrong password on one connection: refused once, and the client does not start over', async () => {
    const transcript = await run({ ...presetInput('ntlm'), client: { origin: { kind: 'password', user: 'alice', password: 'looking-glass' } } });
    expect(transcript.steps.map((step) => step.response.status)).toEqual([401, 401, 401]);
    expect(transcript.steps[2]?.trace).toContainEqual(expect.objectContaining({ kind: 'connection-refused', reason: 'wrong-password' }));
    expect(transcript.steps[2]?.next.explanation).toContain('asks the user for new credentials');
  });

  test('manual mode: connection 1, and a CHALLENGE that the next run cannot answer is explained', async () => {
    const negotiate = `NTLM ${encodeBase64(buildNtlmNegotiate())}`;
    const transcript = await run({
      ...presetInput('ntlm'),
      mode: 'manual',
      request: { ...presetInput('ntlm').request, headers: [['Authorization', negotiate]] },
    });
    expect(transcript.steps[0]?.connection).toEqual({ id: 1, opened: true });
    expect(transcript.steps[0]?.next.explanation).toContain('opens a new connection');
  });
});

describe('Digest on both hops', () => {
  test('the proxy’s Digest credentials go again with nc + 1 when the origin challenges (no replay)', async () => {
    const transcript = await run({ request: { method: 'GET', target: '/api/sandbox/presets/proxy-then-origin?proxy=digest&schemes=digest' }, mode: 'auto' });
    expect(transcript.steps.map((step) => step.response.status)).toEqual([407, 401, 200]);
    const proxyAuth = transcript.steps.map((step) => headerValues(step.request.headers, 'Proxy-Authorization')[0] ?? '');
    expect(proxyAuth[1]).toContain('nc=00000001');
    expect(proxyAuth[2]).toContain('nc=00000002');
  });
});

describe('token lifetime', () => {
  test('tokens the auto client is issued follow the scenario’s token_lifetime', async () => {
    const ctx = testContext();
    const transcript = await run({ request: { method: 'GET', target: '/api/sandbox/bearer?token_lifetime=60' }, mode: 'auto' }, ctx);
    const last = transcript.steps.at(-1);
    expect(last?.response.status).toBe(200);
    expect(last?.trace.find((step) => step.kind === 'authenticated')).toMatchObject({ expiresInSeconds: 60 });
  });
});
