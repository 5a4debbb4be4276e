// What the lab refuses in NTLM and Negotiate, over real sockets with messages built by lib/http-auth (raw
// bytes on node:net, so no client library hides a connection it opened or dropped): a handshake split over
// two connections (a client that drops the connection between the legs), a replayed AUTHENTICATE, NTLM v1
// and LM. And what a successful handshake buys: the connection, not the request (as IIS does).
import { randomBytes } from 'node:crypto';
import {
  NTLM_CLIENT_FLAGS,
  NTLM_LM_BROKEN,
  NTLM_V1_BROKEN,
  buildNtlmAuthenticate,
  buildNtlmNegotiate,
  ntlmAuthenticateFor,
  readNtlmMessage,
  type NtlmChallengeMessage,
} from '@/lib/http-auth';
import { fieldOf, type TappedResponse } from './support/http-stream';
import { keepConnection, type KeptConnection } from './support/kept-connection';
import { baseUrl } from './support/lab';

const ALICE = { user: 'alice', domain: '', password: 'wonderland', workstation: 'TESTS' };
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

const open: KeptConnection[] = [];
async function connection(): Promise<KeptConnection> {
  const kept = await keepConnection(baseUrl());
  open.push(kept);
  return kept;
}
afterEach(() => {
  for (const kept of open.splice(0)) kept.destroy();
});

/** A GET on a kept-alive connection (HTTP/1.1's default: no Connection field), with credentials if given. */
function get(path: string, authorization?: string): string {
  const { host } = new URL(baseUrl());
  return [`GET ${path} HTTP/1.1`, `Host: ${host}`, ...(authorization ? [`Authorization: ${authorization}`] : []), '', ''].join('\r\n');
}

type Problem = { status: number; detail: string };
function problemOf(answer: TappedResponse): Problem {
  expect(fieldOf(answer, 'content-type')).toBe('application/problem+json');
  return JSON.parse(answer.body) as Problem;
}

/** Legs one and two on `kept`: the NEGOTIATE, and the CHALLENGE the lab answers it with (401). */
async function challengeOn(kept: KeptConnection, path: string, scheme: 'NTLM' | 'Negotiate') {
  const negotiate = buildNtlmNegotiate();
  const answer = await kept.send(get(path, `${scheme} ${base64(negotiate)}`));
  expect(answer.status).toBe(401);
  const token = /^(?:NTLM|Negotiate) (\S+)$/.exec(fieldOf(answer, 'www-authenticate') ?? '')?.[1] ?? '';
  const read = readNtlmMessage(token, 'challenge');
  if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error(`no CHALLENGE in the 401: ${JSON.stringify(answer.fields)}`);
  return { negotiate, challenge: read.message };
}

/** Leg three as an NTLM v2 client computes it for that CHALLENGE (lib/http-auth's client side). */
async function authenticateFor(negotiate: Uint8Array, challenge: NtlmChallengeMessage): Promise<Uint8Array> {
  const { authenticate } = await ntlmAuthenticateFor(challenge, ALICE, { clientChallenge: randomBytes(8), now: Date.now(), negotiate });
  return authenticate;
}

describe.each([
  ['/api/sandbox/ntlm', 'NTLM'],
  ['/api/sandbox/negotiate', 'Negotiate'],
] as const)('%s (%s)', (path, scheme) => {
  test('a handshake split over two connections: the AUTHENTICATE on the second gets 401 saying why, and a new challenge', async () => {
    const first = await connection();
    const { negotiate, challenge } = await challengeOn(first, path, scheme);
    const authenticate = await authenticateFor(negotiate, challenge);
    const second = await connection();
    const answer = await second.send(get(path, `${scheme} ${base64(authenticate)}`));
    expect(answer.status).toBe(401);
    expect(problemOf(answer).detail).toMatch(/no \w+ handshake in progress: the NEGOTIATE and CHALLENGE went over another connection/);
    expect(fieldOf(answer, 'www-authenticate')).toBe(scheme);
    // The same AUTHENTICATE on the connection that holds its CHALLENGE still works: only the split failed.
    expect((await first.send(get(path, `${scheme} ${base64(authenticate)}`))).status).toBe(200);
  });

  test('a replayed AUTHENTICATE: 401 naming it a replay, even on a connection with a handshake of its own in progress', async () => {
    const first = await connection();
    const { negotiate, challenge } = await challengeOn(first, path, scheme);
    const authenticate = await authenticateFor(negotiate, challenge);
    expect((await first.send(get(path, `${scheme} ${base64(authenticate)}`))).status).toBe(200);
    const replay = await connection();
    await challengeOn(replay, path, scheme);
    const answer = await replay.send(get(path, `${scheme} ${base64(authenticate)}`));
    expect(answer.status).toBe(401);
    expect(problemOf(answer).detail).toMatch(/already accepted once: it is a replay/);
  });

  test('after the handshake the connection is authenticated: a bare request on it gets 200, on a new connection 401', async () => {
    const kept = await connection();
    const { negotiate, challenge } = await challengeOn(kept, path, scheme);
    const done = await kept.send(get(path, `${scheme} ${base64(await authenticateFor(negotiate, challenge))}`));
    expect(done.status).toBe(200);
    const id = (JSON.parse(done.body) as { connection: { id: number } }).connection.id;
    const bare = await kept.send(get(path));
    expect(bare.status).toBe(200);
    expect(JSON.parse(bare.body)).toMatchObject({
      user: 'alice',
      scheme,
      message: expect.stringContaining('no credentials were needed'),
      connection: { id, authenticated: true },
    });
    const fresh = await connection();
    const elsewhere = await fresh.send(get(path));
    expect(elsewhere.status).toBe(401);
    expect(fieldOf(elsewhere, 'www-authenticate')).toBe(scheme);
  });
});

describe('NTLM v1 and LM: recognised and refused, saying why they are broken', () => {
  test.each([
    ['NTLM v1 (a 24-byte NT response)', { lmResponse: randomBytes(24), ntResponse: randomBytes(24) }, NTLM_V1_BROKEN],
    ['LM only (a 24-byte LM response, no NT response)', { lmResponse: randomBytes(24), ntResponse: new Uint8Array(0) }, NTLM_LM_BROKEN],
  ])('%s', async (_name, responses, explanation) => {
    const kept = await connection();
    await challengeOn(kept, '/api/sandbox/ntlm', 'NTLM');
    const authenticate = buildNtlmAuthenticate({ flags: NTLM_CLIENT_FLAGS, ...responses, domain: '', user: 'alice', workstation: 'TESTS' });
    const answer = await kept.send(get('/api/sandbox/ntlm', `NTLM ${base64(authenticate)}`));
    expect(answer.status).toBe(401);
    expect(problemOf(answer).detail).toContain(explanation);
  });
});

describe('a connection authenticated to one proxy is not authenticated to another', () => {
  /** NTLM's three legs on the proxy hop of `kept`: 407 with the CHALLENGE, then the request goes on. */
  async function proxyHandshake(kept: KeptConnection, request: (proxyAuthorization: string) => string, method: string): Promise<TappedResponse> {
    const negotiate = buildNtlmNegotiate();
    const first = await kept.send(request(`NTLM ${base64(negotiate)}`), method);
    expect(first.status).toBe(407);
    const read = readNtlmMessage(/^NTLM (\S+)$/.exec(fieldOf(first, 'proxy-authenticate') ?? '')?.[1] ?? '', 'challenge');
    if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error('no CHALLENGE in the 407');
    return kept.send(request(`NTLM ${base64(await authenticateFor(negotiate, read.message))}`), method);
  }
  const { host } = new URL(baseUrl());
  const basic = `Basic ${Buffer.from('alice:wonderland').toString('base64')}`;
  const preset = (proxyAuthorization?: string) =>
    [
      'GET /api/sandbox/presets/ntlm-proxy HTTP/1.1',
      `Host: ${host}`,
      `Authorization: ${basic}`,
      ...(proxyAuthorization ? [`Proxy-Authorization: ${proxyAuthorization}`] : []),
      '',
      '',
    ].join('\r\n');

  test('the ntlm-proxy preset (realm corp-proxy): after its own handshake, a request on the connection without Proxy-Authorization gets 200', async () => {
    const kept = await connection();
    expect((await proxyHandshake(kept, preset, 'GET')).status).toBe(200);
    expect((await kept.send(preset())).status).toBe(200);
  });

  // The tunnel's proxy (realm lab-tunnel) and the preset's (realm corp-proxy) are two proxies: NTLM on the
  // CONNECT let requests for the preset through the tunnel past corp-proxy's 407 without a handshake.
  test('NTLM on the CONNECT (realm lab-tunnel), then the ntlm-proxy preset inside the tunnel: corp-proxy still asks, 407', async () => {
    const kept = await connection();
    const tunnel = (proxyAuthorization: string) => `CONNECT ${host} HTTP/1.1\r\nHost: ${host}\r\nProxy-Authorization: ${proxyAuthorization}\r\n\r\n`;
    expect((await proxyHandshake(kept, tunnel, 'CONNECT')).status).toBe(200);
    const inside = await kept.send(preset());
    expect(inside.status).toBe(407);
    expect(fieldOf(inside, 'proxy-authenticate')).toBe('NTLM');
  });
});
