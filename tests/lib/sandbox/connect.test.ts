/** @jest-environment node */
import { answerConnect, TUNNEL_LIMITS } from '@/lib/sandbox/edge/connect';
import { tunnelTarget, type LabAddress } from '@/lib/sandbox/edge/tunnel-target';
import { createConnectionAuth, handshakeBudget } from '@/lib/sandbox/connection';
import { headerValues, type HeaderList } from '@/lib/sandbox/message';
import { parseChallenges } from '@/lib/http-auth';
import { ALICE_BASIC, testContext } from './support';

// CONNECT (RFC 9110 §9.3.6): the lab tunnels to itself only, decided from the authority as written and
// the socket's own address, never by resolving a name or connecting anywhere.

const LOOPBACK: LabAddress = { localAddress: '::ffff:127.0.0.1', localPort: 3000 };
const PUBLIC: LabAddress = { localAddress: '10.0.0.5', localPort: 3000, publicOrigin: 'https://lab.example' };

describe('tunnelTarget', () => {
  test.each([
    ['127.0.0.1:3000', LOOPBACK, 'self'],
    ['localhost:3000', LOOPBACK, 'self'],
    ['LOCALHOST:3000', LOOPBACK, 'self'],
    ['[::ffff:127.0.0.1]:3000', LOOPBACK, 'self'],
    ['10.0.0.5:3000', PUBLIC, 'self'],
    ['lab.example:443', PUBLIC, 'self'],
    ['lab.example:3000', PUBLIC, 'self'],
    // Another port of the lab's own address is another service: refused.
    ['127.0.0.1:22', LOOPBACK, 'elsewhere'],
    ['127.0.0.2:3000', LOOPBACK, 'elsewhere'],
    ['example.com:443', LOOPBACK, 'elsewhere'],
    // A name that resolves to loopback is still a name the lab does not resolve.
    ['127.0.0.1.nip.io:3000', LOOPBACK, 'elsewhere'],
    ['localhost:3000', PUBLIC, 'elsewhere'],
    ['169.254.169.254:80', PUBLIC, 'elsewhere'],
    ['lab.example:80', PUBLIC, 'elsewhere'],
    ['127.0.0.1', LOOPBACK, 'invalid'],
    ['127.0.0.1:0', LOOPBACK, 'invalid'],
    ['127.0.0.1:65536', LOOPBACK, 'invalid'],
    ['http://127.0.0.1:3000/', LOOPBACK, 'invalid'],
    ['alice@127.0.0.1:3000', LOOPBACK, 'invalid'],
    ['/api/sandbox/basic', LOOPBACK, 'invalid'],
    ['', LOOPBACK, 'invalid'],
    ['[::1:3000', LOOPBACK, 'invalid'],
  ] as const)('%s from %j: %s', (authority, lab, kind) => {
    expect(tunnelTarget(authority, lab).kind).toBe(kind);
  });
});

function connect(target: string, headers: HeaderList = [], openTunnels = 0, lab: LabAddress = LOOPBACK) {
  const connection = createConnectionAuth(1, handshakeBudget());
  return answerConnect({ method: 'CONNECT', target, headers, body: new Uint8Array(0), connection }, lab, testContext(), openTunnels);
}

describe('answerConnect', () => {
  test('another host: 403 "not an open proxy", before any credentials are asked for, and the connection closes', async () => {
    const answer = await connect('example.com:443');
    if (answer.kind !== 'respond') throw new Error('tunnel opened elsewhere');
    expect(answer.response.status).toBe(403);
    expect(answer.keepAlive).toBe(false);
    expect(headerValues(answer.response.headers, 'Proxy-Authenticate')).toEqual([]);
    expect(JSON.parse(answer.response.body).detail).toMatch(/not an open proxy.*made no connection/);
    // Credentials change nothing: the target is the reason.
    const withCredentials = await connect('example.com:443', [['Proxy-Authorization', ALICE_BASIC]]);
    expect(withCredentials.kind === 'respond' && withCredentials.response.status).toBe(403);
  });

  test('a malformed authority: 400', async () => {
    const answer = await connect('not an authority');
    expect(answer.kind === 'respond' && answer.response.status).toBe(400);
  });

  test('the lab itself without credentials: 407 offering Basic, Digest and NTLM, keeping the connection', async () => {
    const answer = await connect('127.0.0.1:3000');
    if (answer.kind !== 'respond') throw new Error('tunnel without credentials');
    expect(answer.response.status).toBe(407);
    expect(answer.keepAlive).toBe(true);
    const schemes = headerValues(answer.response.headers, 'Proxy-Authenticate').flatMap((value) => {
      const parsed = parseChallenges(value);
      return parsed.ok ? parsed.value.map((challenge) => challenge.scheme) : [];
    });
    expect(schemes).toEqual(['Basic', 'Digest', 'Digest', 'NTLM']);
  });

  test('the lab itself with Basic: a tunnel for alice; with a wrong password: 407 again', async () => {
    expect(await connect('localhost:3000', [['Proxy-Authorization', ALICE_BASIC]])).toEqual({ kind: 'tunnel', user: 'alice', scheme: 'Basic' });
    const wrong = await connect('localhost:3000', [['Proxy-Authorization', `Basic ${btoa('alice:looking-glass')}`]]);
    expect(wrong.kind === 'respond' && wrong.response.status).toBe(407);
  });

  test('past the limit of open tunnels: 503 with Retry-After', async () => {
    const answer = await connect('127.0.0.1:3000', [['Proxy-Authorization', ALICE_BASIC]], TUNNEL_LIMITS.open);
    if (answer.kind !== 'respond') throw new Error('tunnel past the limit');
    expect(answer.response.status).toBe(503);
    expect(headerValues(answer.response.headers, 'Retry-After')).toEqual(['5']);
  });
});
