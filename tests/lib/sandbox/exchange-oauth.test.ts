import { base64url } from 'jose';
import { runExchange } from '@/lib/sandbox/exchange/run';
import { exchangeInputSchema, type ExchangeInput, type SignIn } from '@/lib/sandbox/exchange/input';
import { headerValues, type SandboxRequest } from '@/lib/sandbox/message';
import { sandboxSender } from '@/lib/sandbox/routes/router';
import type { SendRequest } from '@/lib/sandbox/routes/route';
import { s256Challenge } from '@/lib/oauth/pkce';
import { testContext } from './support';

// oauth mode of the exchange: the whole chain from whoami's 401 to its 200, every hop through the router.

const ORIGIN = 'http://lab.example';
const WHOAMI = '/api/sandbox/oauth/whoami';

function input(signIn?: SignIn, headers: [string, string][] = [], target = WHOAMI): ExchangeInput {
  return { request: { method: 'GET', target, headers }, mode: 'oauth', ...(signIn ? { signIn } : {}) };
}

async function run(value: ExchangeInput, send?: (ctx: ReturnType<typeof testContext>) => SendRequest) {
  const ctx = testContext();
  return runExchange(exchangeInputSchema.parse(value), ctx, send ? send(ctx) : sandboxSender(ctx), ORIGIN);
}

const TARGETS = [
  WHOAMI,
  '/.well-known/oauth-protected-resource/api/sandbox/oauth/whoami',
  '/.well-known/oauth-authorization-server/api/sandbox/oauth',
  '/api/sandbox/oauth/register',
  '/api/sandbox/oauth/authorize',
  '/api/sandbox/oauth/authorize',
  '/api/sandbox/oauth/token',
  WHOAMI,
];

// How far each sign-in gets, and what the last step says: what really happens on the consent page.
const SIGN_INS: [string, SignIn | undefined, number[], RegExp][] = [
  ['alice allows (the default)', undefined, [401, 200, 200, 201, 200, 303, 200, 200], /^200: the resource checked the token/],
  ['bob allows', { username: 'bob', password: 'builder', decision: 'allow' }, [401, 200, 200, 201, 200, 303, 200, 200], /chain is complete/],
  [
    'a wrong password: the page again, with its error',
    { username: 'alice', password: 'looking-glass', decision: 'allow' },
    [401, 200, 200, 201, 200, 200],
    /The page came back.*do not match a lab user.*client gets nothing/,
  ],
  ['an empty user name', { username: '', password: '', decision: 'allow' }, [401, 200, 200, 201, 200, 200], /The page came back/],
  [
    'deny: error=access_denied back to the client',
    { username: 'alice', password: 'wonderland', decision: 'deny' },
    [401, 200, 200, 201, 200, 303],
    /error=access_denied.*RFC 6749 §4\.1\.2\.1/,
  ],
];

describe('exchange in oauth mode', () => {
  test.each(SIGN_INS)('%s', async (_name, signIn, statuses, last) => {
    const transcript = await run(input(signIn));
    expect(transcript.mode).toBe('oauth');
    expect(transcript.steps.map((step) => step.response.status)).toEqual(statuses);
    expect(transcript.steps.map((step) => step.request.target.split('?')[0])).toEqual(TARGETS.slice(0, statuses.length));
    expect(transcript.steps.slice(0, -1).every((step) => step.next.kind === 'follow')).toBe(true);
    expect(transcript.steps.at(-1)?.next).toMatchObject({ kind: 'stop', explanation: expect.stringMatching(last) });
    for (const step of transcript.steps) {
      // Each hop says why, with its RFC section, and names the lab's host.
      expect(step.next.explanation).toMatch(/RFC \d+ §\d/);
      expect(step.request.raw).toContain('\r\nHost: lab.example\r\n');
    }
    expect(transcript.steps.map((step) => step.chain?.sender)).toEqual(
      ['client', 'client', 'client', 'client', 'browser', 'browser', 'client', 'client'].slice(0, statuses.length),
    );
  });

  test('the code_verifier comes from ctx.random and matches the challenge; the token is asked for the resource and sent back', async () => {
    const transcript = await run(input(), (ctx) => {
      ctx.random = (length) => new Uint8Array(length).fill(7);
      return sandboxSender(ctx);
    });
    const [authorize, , token, retry] = transcript.steps.slice(4).map((step) => step);
    const query = new URLSearchParams(authorize?.request.target.split('?')[1]);
    const form = new URLSearchParams(token?.request.body);
    const verifier = base64url.encode(new Uint8Array(32).fill(7));
    expect(form.get('code_verifier')).toBe(verifier);
    expect(query.get('code_challenge')).toBe(s256Challenge(verifier));
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('resource')).toBe(`${ORIGIN}${WHOAMI}`);
    expect(form.get('resource')).toBe(`${ORIGIN}${WHOAMI}`);
    expect(query.get('scope')).toBe('whoami');
    const accessToken = (JSON.parse(token?.response.body ?? '{}') as { access_token: string }).access_token;
    expect(headerValues(retry?.request.headers ?? [], 'Authorization')).toEqual([`Bearer ${accessToken}`]);
    expect(JSON.parse(retry?.response.body ?? '{}')).toMatchObject({ sub: 'alice', aud: `${ORIGIN}${WHOAMI}` });
  });

  test('the browser posts the consent page’s own hidden fields back with the sign-in', async () => {
    const transcript = await run(input({ username: 'bob', password: 'builder', decision: 'allow' }));
    const form = new URLSearchParams(transcript.steps[5]?.request.body);
    const asked = new URLSearchParams(transcript.steps[4]?.request.target.split('?')[1]);
    for (const name of ['client_id', 'redirect_uri', 'state', 'resource', 'code_challenge']) expect(form.get(name)).toBe(asked.get(name));
    expect([form.get('username'), form.get('password'), form.get('decision')]).toEqual(['bob', 'builder', 'allow']);
  });

  test('a target whose 401 names no resource_metadata stops at once, saying where discovery starts', async () => {
    const transcript = await run(input(undefined, [], '/api/sandbox/basic'));
    expect(transcript.steps).toHaveLength(1);
    expect(transcript.steps[0]?.next).toMatchObject({ kind: 'stop', explanation: expect.stringContaining('/api/sandbox/oauth/whoami') });
  });

  test('a Host the reader wrote makes the documents name another origin: the chain stops, nothing fetched', async () => {
    const sent: string[] = [];
    const transcript = await run(input(undefined, [['Host', 'elsewhere.example']]), (ctx) => {
      const send = sandboxSender(ctx);
      return (request) => (sent.push(request.target), send(request));
    });
    expect(sent).toEqual([WHOAMI]);
    expect(transcript.steps[0]?.next.explanation).toMatch(/another origin, http:\/\/elsewhere\.example.*never fetched/);
  });
});

/** The router, with one answer's body or header rewritten: documents the lab itself would never serve. */
function rewriting(match: (request: SandboxRequest) => boolean, rewrite: (body: string, headers: [string, string][]) => [string, [string, string][]]) {
  return (ctx: ReturnType<typeof testContext>): SendRequest & { sent: string[] } => {
    const send = sandboxSender(ctx);
    const sent: string[] = [];
    return Object.assign(
      async (request: SandboxRequest) => {
        sent.push(request.target);
        const result = await send(request);
        if (!match(request)) return result;
        const [body, headers] = rewrite(result.response.body, result.response.headers);
        return { ...result, response: { ...result.response, body, headers } };
      },
      { sent },
    );
  };
}

const json =
  (change: (doc: Record<string, unknown>) => void) =>
  (body: string, headers: [string, string][]): [string, [string, string][]] => {
    const doc = JSON.parse(body) as Record<string, unknown>;
    change(doc);
    return [JSON.stringify(doc), headers];
  };

// Documents a strict client must refuse, each stopping the chain at the hop that served it.
const REFUSALS: [string, ReturnType<typeof rewriting>, number, RegExp][] = [
  [
    'resource_metadata on another origin is never fetched',
    rewriting(
      (r) => r.target === WHOAMI,
      (body, headers) => [body, headers.map(([n, v]) => [n, n === 'WWW-Authenticate' ? v.replace('http://lab.example', 'https://attacker.example') : v])],
    ),
    1,
    /another origin, https:\/\/attacker\.example.*never fetched/,
  ],
  [
    'an authorization server on another origin',
    rewriting(
      (r) => r.target.startsWith('/.well-known/oauth-protected-resource'),
      json((doc) => (doc.authorization_servers = ['https://as.example/oauth'])),
    ),
    2,
    /another origin, https:\/\/as\.example/,
  ],
  [
    'metadata for another resource (RFC 9728 §3.3)',
    rewriting(
      (r) => r.target.startsWith('/.well-known/oauth-protected-resource'),
      json((doc) => (doc.resource = 'http://lab.example/other')),
    ),
    2,
    /MUST NOT use it/,
  ],
  [
    'an issuer that differs from the URL (RFC 8414 §3.3)',
    rewriting(
      (r) => r.target.startsWith('/.well-known/oauth-authorization-server'),
      json((doc) => (doc.issuer = 'http://lab.example/other')),
    ),
    3,
    /RFC 8414 §3\.3/,
  ],
  [
    'a server offering only plain PKCE',
    rewriting(
      (r) => r.target.startsWith('/.well-known/oauth-authorization-server'),
      json((doc) => (doc.code_challenge_methods_supported = ['plain'])),
    ),
    3,
    /only as plain, not S256/,
  ],
  [
    'a redirect with another state (RFC 6749 §10.12)',
    rewriting(
      (r) => r.method === 'POST' && r.target === '/api/sandbox/oauth/authorize',
      (body, headers) => [body, headers.map(([n, v]) => [n, n === 'Location' ? v.replace(/state=[^&]*/, 'state=forged') : v])],
    ),
    6,
    /does not trust this redirect: The state/,
  ],
];

describe('oauth mode refuses what a strict client refuses', () => {
  test.each(REFUSALS)('%s', async (_name, make, length, why) => {
    let sender: ReturnType<ReturnType<typeof rewriting>> | undefined;
    const transcript = await run(input(), (ctx) => (sender = make(ctx)));
    expect(transcript.steps).toHaveLength(length);
    expect(sender?.sent).toHaveLength(length);
    expect(transcript.steps.at(-1)?.next).toMatchObject({ kind: 'stop', explanation: expect.stringMatching(why) });
  });
});
