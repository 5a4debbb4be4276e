// What lesson 11 ("Handling 401 and 403 in client code") says about client code meeting 401, 403 and 407,
// observed with Python requests and Node 20's own fetch against the lab (/api/sandbox/proxy plays a
// proxy that answers 407, RFC 9110 §15.5.8). One row per (client, scenario): the outcome is the status
// the call resolved with, or the error it raised or rejected with.
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import * as z from '@/lib/zod';
import { baseUrl } from './support/lab';
import { requirePython } from './support/python';

const run = promisify(execFile);
const FIXTURES = path.join(process.cwd(), 'tests/fixtures/clients');
const ALICE = 'alice:wonderland';

type Outcome = number | string;
const printedOutcome = z.union([z.object({ status: z.number() }), z.object({ error: z.string() })]);

async function outcomeOf(file: string, args: string[]): Promise<Outcome> {
  const { stdout } = await run(file, args, { encoding: 'utf8', timeout: 20_000 });
  const printed = printedOutcome.parse(JSON.parse(stdout.trim()));
  return 'status' in printed ? printed.status : printed.error;
}

type Request = { method: string; path: string; user?: string };
const requestsGet = ({ method, path: target, user }: Request) =>
  outcomeOf(requirePython(), [path.join(FIXTURES, 'requests_get.py'), method, `${baseUrl()}${target}`, user ?? '']);
const nodeFetch = ({ method, path: target, user }: Request) =>
  outcomeOf(process.execPath, [
    path.join(FIXTURES, 'fetch-status.mjs'),
    method,
    `${baseUrl()}${target}`,
    ...(user ? [`Basic ${Buffer.from(user).toString('base64')}`] : []),
  ]);

const SCENARIOS = {
  '401 (no credentials)': { method: 'GET', path: '/api/sandbox/basic' },
  // alice is a reader; DELETE needs the editor role (RFC 9110 §15.5.4).
  '403 (alice may not delete)': { method: 'DELETE', path: '/api/sandbox/presets/forbidden-by-role', user: ALICE },
  // The lab is not a proxy this client was configured to use: the 407 comes from the origin itself.
  '407 from a server that is not a configured proxy': { method: 'GET', path: '/api/sandbox/proxy' },
} satisfies Record<string, Request>;

const CLIENTS = { requests: requestsGet, 'Node 20 fetch': nodeFetch };
type Claim = { client: keyof typeof CLIENTS; scenario: keyof typeof SCENARIOS; expected: Outcome };

// prettier-ignore
const CLAIMS: Claim[] = [
  { client: 'requests', scenario: '401 (no credentials)', expected: 401 },
  { client: 'requests', scenario: '403 (alice may not delete)', expected: 403 },
  { client: 'requests', scenario: '407 from a server that is not a configured proxy', expected: 407 },
  { client: 'Node 20 fetch', scenario: '401 (no credentials)', expected: 401 },
  { client: 'Node 20 fetch', scenario: '403 (alice may not delete)', expected: 403 },
  // undici treats a 407 outside a configured proxy as a network error, as Chromium does.
  { client: 'Node 20 fetch', scenario: '407 from a server that is not a configured proxy', expected: 'TypeError: fetch failed' },
];

describe('401, 403 and 407 in client code (lesson 11)', () => {
  test.concurrent.each(CLAIMS)('$client, $scenario', async ({ client, scenario, expected }) => {
    expect(await CLIENTS[client](SCENARIOS[scenario])).toBe(expected);
  });
});

/** A loopback proxy that refuses every CONNECT with 407 and a Basic challenge (RFC 9110 §9.3.6, §15.5.8). */
async function startRefusingProxy(): Promise<{ url: string; connects: () => string[]; close: () => Promise<void> }> {
  const connects: string[] = [];
  const server = net.createServer((socket) => {
    let head = '';
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      connects.push(head.split('\r\n')[0] ?? '');
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp-proxy"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n',
      );
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return { url: `http://${ALICE}@127.0.0.1:${port}`, connects: () => [...connects], close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('requests through a proxy that refuses the tunnel (lesson 11, "407: a proxy problem")', () => {
  // The lab opens tunnels to itself only (a CONNECT to any other host gets 403), so a proxy that refuses
  // every tunnel with 407 is the test's own.
  test('an https URL whose CONNECT gets 407: requests raises ProxyError, and there is no response', async () => {
    const proxy = await startRefusingProxy();
    try {
      // .invalid never resolves (RFC 2606): the request can only have gone to the proxy.
      const outcome = await outcomeOf(requirePython(), [path.join(FIXTURES, 'requests_get.py'), 'GET', 'https://reports.invalid/', '', proxy.url]);
      expect(outcome).toBe('ProxyError');
      // http.client writes its tunnel request as HTTP/1.0.
      expect(proxy.connects()).toEqual([expect.stringMatching(/^CONNECT reports\.invalid:443 HTTP\/1\.[01]$/)]);
    } finally {
      await proxy.close();
    }
  });
});
