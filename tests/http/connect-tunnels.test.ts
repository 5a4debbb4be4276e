// CONNECT (RFC 9110 §9.3.6) at the lab, over raw sockets: an authenticating proxy for tunnels to itself
// only. Any other target gets 403 "not an open proxy" (credentials or not), and the proof that no
// connection was attempted is a listener of the test's own that the lab was asked to reach and that never
// saw a connection. A target that is not host:port gets 400. And the bounds: 32 tunnels at once, 1 MiB per
// tunnel (the 120 s lifetime is not waited for here).
import net from 'node:net';
import { TUNNEL_LIMITS } from '@/lib/sandbox/edge/connect';
import { fieldOf, type TappedResponse } from './support/http-stream';
import { keepConnection, type KeptConnection } from './support/kept-connection';
import { baseUrl } from './support/lab';
import { startLab } from './support/lab-server.mjs';
import { sendBytes } from './support/raw-http';

const ALICE_BASIC = `Basic ${Buffer.from('alice:wonderland').toString('base64')}`;
const NTLM_NEGOTIATE = 'NTLM TlRMTVNTUAABAAAABoIIAAAAAAAAAAAAAAAAAAAAAAA=';
const connect = (authority: string, proxyAuthorization?: string) =>
  `CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${proxyAuthorization ? `Proxy-Authorization: ${proxyAuthorization}\r\n` : ''}\r\n`;
const labAuthority = (base = baseUrl()) => new URL(base).host;

type Problem = { status: number; detail: string };
const problemOf = (body: string) => JSON.parse(body) as Problem;

/** A TCP listener of the test's own on `host`, counting the connections it accepts; undefined when the address is not there (no IPv6). */
async function listener(host: string): Promise<{ port: number; accepted: () => number; close: () => Promise<void> } | undefined> {
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    socket.destroy();
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(0, host, () => resolve(true));
  });
  if (!listening) return undefined;
  const { port } = server.address() as net.AddressInfo;
  return { port, accepted: () => accepted, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('CONNECT anywhere but the lab: 403, and no connection to the target', () => {
  test.each([
    ['another host', 'example.com:443', undefined],
    ['another host, with alice’s proxy credentials', 'example.com:443', ALICE_BASIC],
    ['another host, opening an NTLM handshake', 'example.com:80', NTLM_NEGOTIATE],
  ])('%s: 403 problem "not an open proxy", then the connection closes', async (_name, authority, credentials) => {
    // sendBytes reads until the lab closes the connection (it fails if the lab keeps it open).
    const answer = await sendBytes(baseUrl(), connect(authority, credentials));
    expect(answer.status).toBe(403);
    expect(answer.headLines).toContain('Content-Type: application/problem+json');
    expect(answer.headLines.some((line) => /^Proxy-Authenticate:/i.test(line))).toBe(false);
    expect(problemOf(answer.body)).toMatchObject({ status: 403, detail: expect.stringContaining('not an open proxy') });
  });

  test('a listener of the test’s own on 127.0.0.1 (and [::1]), named by address and as localhost: 403 every time, and it saw no connection', async () => {
    const listeners = (await Promise.all([listener('127.0.0.1'), listener('::1')])).filter((found) => found !== undefined);
    try {
      const [v4, v6] = listeners;
      if (!v4) throw new Error('no listener on 127.0.0.1');
      const targets = [`127.0.0.1:${v4.port}`, `localhost:${v4.port}`, ...(v6 ? [`[::1]:${v6.port}`, `localhost:${v6.port}`] : [])];
      for (const target of targets) {
        for (const credentials of [undefined, ALICE_BASIC]) {
          const answer = await sendBytes(baseUrl(), connect(target, credentials));
          expect({ target, status: answer.status }).toEqual({ target, status: 403 });
          expect(problemOf(answer.body).detail).toContain('made no connection to the host you named');
        }
      }
      // The lab answers normally afterwards, so anything it would have started has had its turn.
      expect((await fetch(`${baseUrl()}/api/sandbox/basic`)).status).toBe(401);
      expect(listeners.map((found) => found.accepted())).toEqual(listeners.map(() => 0));
    } finally {
      await Promise.all(listeners.map((found) => found.close()));
    }
  });

  test.each([
    'example.com',
    'http://example.com:80',
    '127.0.0.1:0',
    '127.0.0.1:99999',
    '[::1',
    'alice@127.0.0.1:80',
    '/api/sandbox/basic',
    '*',
    '127.0.0.1:80/x',
  ])('a target that is not host:port (%s): 400 problem, then the connection closes', async (target) => {
    const answer = await sendBytes(baseUrl(), connect(target, ALICE_BASIC));
    expect(answer.status).toBe(400);
    expect(answer.headLines).toContain('Content-Type: application/problem+json');
    expect(problemOf(answer.body).status).toBe(400);
  });
});

describe('tunnel bounds', () => {
  const open: KeptConnection[] = [];
  afterEach(() => {
    for (const kept of open.splice(0)) kept.destroy();
  });

  /** A tunnel to `base`'s lab as alice (Basic on the CONNECT); the lab's answer and the connection. */
  async function tunnel(base: string): Promise<{ kept: KeptConnection; answer: TappedResponse }> {
    const kept = await keepConnection(base);
    open.push(kept);
    return { kept, answer: await kept.send(connect(labAuthority(base), ALICE_BASIC), 'CONNECT') };
  }

  test(`more than ${TUNNEL_LIMITS.bytes} bytes through one tunnel: the next request gets 503, and the tunnel closes`, async () => {
    const { kept, answer } = await tunnel(baseUrl());
    expect(answer.status).toBe(200);
    const request = `GET /api/sandbox/openapi.json HTTP/1.1\r\nHost: ${labAuthority()}\r\n\r\n`;
    let carried = 0;
    let last: TappedResponse | undefined;
    const sizes: number[] = [];
    for (let i = 0; i < 40 && last?.status !== 503; i++) {
      last = await kept.send(request);
      if (last.status === 200) {
        sizes.push(last.body.length);
        carried += request.length + last.body.length;
      }
    }
    expect(last?.status).toBe(503);
    // The 503 came as soon as the tunnel had carried its share, not before (each answer is ~150 kB).
    expect(carried).toBeGreaterThan(TUNNEL_LIMITS.bytes);
    expect(carried - (sizes.at(-1) ?? 0)).toBeLessThan(TUNNEL_LIMITS.bytes);
    expect(fieldOf(last ?? { fields: [] }, 'connection')).toBe('close');
    expect(problemOf(last?.body ?? '{}')).toMatchObject({ status: 503, detail: expect.stringContaining('open a new one') });
    await kept.closed();
  });

  // A CONNECT sent inside a tunnel reached the lab again and started the tunnel's count from zero: one
  // connection could carry a MiB per nested CONNECT.
  test('a CONNECT inside the tunnel does not start its byte count again: past 1 MiB in all, 503 and the tunnel closes', async () => {
    const { kept, answer } = await tunnel(baseUrl());
    expect(answer.status).toBe(200);
    const request = `GET /api/sandbox/openapi.json HTTP/1.1\r\nHost: ${labAuthority()}\r\n\r\n`;
    const statuses: number[] = [];
    let carried = 0;
    for (let round = 0; round < 2; round++) {
      const nested = await kept.send(connect(labAuthority(), ALICE_BASIC), 'CONNECT');
      statuses.push(nested.status);
      // About 600 kB a round: each round alone stays under the bound, the two together do not.
      for (let i = 0; i < 4 && nested.status === 200; i++) {
        const got = await kept.send(request);
        statuses.push(got.status);
        carried += got.body.length;
        if (got.status !== 200) break;
      }
    }
    expect(carried).toBeGreaterThan(TUNNEL_LIMITS.bytes);
    expect(statuses.at(-1)).toBe(503);
    await kept.closed();
  });

  // A server of the test's own: the shared one's tunnels (other files, run alongside) would change the count.
  test(`simultaneous tunnel number ${TUNNEL_LIMITS.open + 1} gets 503 with Retry-After; when one closes, a new one opens`, async () => {
    const lab = await startLab({ SANDBOX_SECRET: 'connect-tunnels-secret-at-least-32-characters', SANDBOX_RATE_LIMIT: 'off' });
    try {
      const answers = await Promise.all(Array.from({ length: TUNNEL_LIMITS.open }, () => tunnel(lab.baseUrl)));
      expect(answers.map(({ answer }) => answer.status)).toEqual(answers.map(() => 200));
      const over = await tunnel(lab.baseUrl);
      expect(over.answer.status).toBe(503);
      expect(fieldOf(over.answer, 'retry-after')).toBe('5');
      expect(problemOf(over.answer.body).detail).toContain(`${TUNNEL_LIMITS.open} tunnels open`);
      await over.kept.closed();
      answers[0]?.kept.destroy();
      // The lab counts the tunnel as closed once its socket's close event has run: ask until it has.
      let again: TappedResponse | undefined;
      for (let attempt = 0; attempt < 50 && again?.status !== 200; attempt++) again = (await tunnel(lab.baseUrl)).answer;
      expect(again?.status).toBe(200);
    } finally {
      for (const kept of open.splice(0)) kept.destroy();
      await lab.stop();
    }
  });
});
