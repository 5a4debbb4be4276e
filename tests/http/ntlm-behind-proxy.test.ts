/** @jest-environment node */
// NTLM authenticates a connection; behind a reverse proxy that pools its upstream connections, one socket
// at the lab carries several clients' requests. The lab keys a socket's handshake state by the client
// address a trusted proxy reports (X-Forwarded-For), so a connection authenticated for one client never lets
// another client's bare request through. Here the test plays the pooling proxy: one kept-alive socket, two
// clients.
import http from 'node:http';
import type { Socket } from 'node:net';
import { buildNtlmNegotiate, encodeBase64, ntlmAuthenticateFor, readNtlmMessage } from '@/lib/http-auth';
import { startLab } from './support/lab-server.mjs';

type Lab = Awaited<ReturnType<typeof startLab>>;
type Answer = { status: number; challenge: string; body: string; socket: Socket };

let lab: Lab;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  lab = await startLab({ SANDBOX_SECRET: 'a-secret-for-the-proxy-test-of-ntlm-32+', SANDBOX_RATE_LIMIT: 'off', TRUST_PROXY: 'loopback' });
}, 60_000);

afterAll(async () => {
  agent.destroy();
  await lab?.stop();
});

function send(client: string, authorization?: string): Promise<Answer> {
  const { hostname, port } = new URL(lab.baseUrl);
  const headers: Record<string, string> = { 'X-Forwarded-For': client, ...(authorization ? { Authorization: authorization } : {}) };
  return new Promise((resolve, reject) => {
    const request = http.get({ hostname, port, path: '/api/sandbox/ntlm', agent, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, challenge: String(response.headers['www-authenticate'] ?? ''), body, socket: response.socket }),
      );
    });
    request.on('error', reject);
  });
}

test('one upstream socket, two clients: the handshake authenticates only the client that made it', async () => {
  const alice = '203.0.113.7';
  const other = '198.51.100.9';
  const negotiate = buildNtlmNegotiate();
  const first = await send(alice, `NTLM ${encodeBase64(negotiate)}`);
  expect(first.status).toBe(401);
  const read = readNtlmMessage(first.challenge.slice('NTLM '.length), 'challenge');
  if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error(`no CHALLENGE: ${first.challenge}`);
  const { authenticate } = await ntlmAuthenticateFor(
    read.message,
    { user: 'alice', domain: 'LAB', password: 'wonderland', workstation: 'PROXY-TEST' },
    { clientChallenge: new Uint8Array(8).fill(7), now: Date.now(), negotiate },
  );
  const second = await send(alice, `NTLM ${encodeBase64(authenticate)}`);
  expect(second.status).toBe(200);
  expect(second.socket).toBe(first.socket);

  const otherClient = await send(other);
  expect(otherClient.socket).toBe(first.socket);
  expect(otherClient.status).toBe(401);
  expect(otherClient.challenge).toBe('NTLM');

  const aliceAgain = await send(alice);
  expect(aliceAgain.socket).toBe(first.socket);
  expect(aliceAgain.status).toBe(200);
  expect(JSON.parse(aliceAgain.body)).toMatchObject({ user: 'alice', connection: { authenticated: true } });
});
