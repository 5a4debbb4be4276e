// What the lessons say curl and Python requests do with credentials when a response redirects them
// (lesson 09, "Authorization is dropped on cross-origin redirects"; lesson 10 and the troubleshooter:
// curl sends -u credentials only to the host named on the command line), and what curl sends for
// non-ASCII credentials from a UTF-8 terminal (lesson 03). The servers are the test's own, on loopback
// addresses of a random 127.x.y.0/24 (so that concurrent runs do not meet), and they record the
// Authorization field of every request; the lab is not involved. Versions: Debian 12's curl 7.88,
// requests 2.34.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { requirePython } from './support/python';

const run = promisify(execFile);
const FIXTURES = path.join(process.cwd(), 'tests/fixtures/clients');
const ALICE = 'alice:wonderland';

/** The client's environment: no proxy variables, no netrc, no curlrc; a UTF-8 locale, as a terminal has. */
function clientEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', NETRC: '/dev/null' };
  for (const name of Object.keys(env)) if (/^(https?|all|no)_proxy$/i.test(name)) delete env[name];
  return env;
}

/** A loopback server that redirects /start to `redirectTo` (302) and answers 200 to anything else. */
type Recorder = { origin: string; received: Array<{ path: string; authorization: string }>; redirectTo: string; close: () => Promise<void> };

let tlsOptions: { key: Buffer; cert: Buffer } | undefined;

async function listen(host: string, port: number, scheme: 'http' | 'https' = 'http'): Promise<Recorder> {
  const recorder: Recorder = { origin: '', received: [], redirectTo: '', close: async () => {} };
  const handler: http.RequestListener = (request, response) => {
    recorder.received.push({ path: request.url ?? '', authorization: request.headers.authorization ?? 'none' });
    if (request.url === '/start') response.writeHead(302, { Location: recorder.redirectTo, 'Content-Length': '0' }).end();
    else response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '3' }).end('ok\n');
  };
  if (scheme === 'https' && !tlsOptions) throw new Error('no certificate: beforeAll did not run');
  const server = scheme === 'https' ? https.createServer(tlsOptions ?? {}, handler) : http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EACCES' ? new Error(`binding ${host}:${port} needs root (CI runs as root): ${error.message}`) : error),
    );
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  const defaultPort = scheme === 'http' ? 80 : 443;
  recorder.origin = `${scheme}://${host}${bound === defaultPort ? '' : `:${bound}`}`;
  recorder.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return recorder;
}

// A random /24 of 127.0.0.0/8 for this run; each case takes its own pair of hosts in it.
const NET = `127.${100 + Math.floor(Math.random() * 150)}.${Math.floor(Math.random() * 250)}`;
let nextHost = 1;
const hostPair = () => {
  const first = nextHost;
  nextHost += 2;
  return [`${NET}.${first}`, `${NET}.${first + 1}`] as const;
};

/** Where the first server sends the client: each layout starts the servers it needs. */
const REDIRECTS = {
  'to the same origin': async ([host]: readonly [string, string]) => {
    const only = await listen(host, 0);
    return [only, only];
  },
  'to another host, same port': async ([host, other]: readonly [string, string]) => {
    const first = await listen(host, 0);
    const port = Number(new URL(first.origin).port);
    return [first, await listen(other, port)];
  },
  'to another port, same host': async ([host]: readonly [string, string]) => [await listen(host, 0), await listen(host, 0)],
  // The default ports: requests treats this one case as the same server moving to TLS.
  'from http://host/ to https://host/': async ([host]: readonly [string, string]) => [await listen(host, 80), await listen(host, 443, 'https')],
} satisfies Record<string, (hosts: readonly [string, string]) => Promise<Recorder[]>>;
type Redirect = keyof typeof REDIRECTS;

const CLIENTS = {
  'curl -L -u': (url: string) => run('curl', ['-q', '-s', '-k', '-o', '/dev/null', '--max-time', '10', '-L', '-u', ALICE, url], { env: clientEnv() }),
  'curl -L --location-trusted -u': (url: string) =>
    run('curl', ['-q', '-s', '-k', '-o', '/dev/null', '--max-time', '10', '-L', '--location-trusted', '-u', ALICE, url], { env: clientEnv() }),
  'requests.get(url, auth=...)': (url: string) =>
    run(requirePython(), [path.join(FIXTURES, 'requests_follow.py'), url, ALICE], { env: clientEnv(), timeout: 20_000 }),
};
type Client = keyof typeof CLIENTS;

const BASIC_ALICE = `Basic ${Buffer.from(ALICE).toString('base64')}`;
/** What the server at the end of the redirect received: the credentials, or no Authorization at all. */
type Claim = { client: Client; redirect: Redirect; finalRequestCarried: 'credentials' | 'none' };

// prettier-ignore
const CLAIMS: Claim[] = [
  { client: 'curl -L -u', redirect: 'to the same origin', finalRequestCarried: 'credentials' },
  { client: 'curl -L -u', redirect: 'to another host, same port', finalRequestCarried: 'none' },
  { client: 'curl -L -u', redirect: 'to another port, same host', finalRequestCarried: 'none' },
  { client: 'curl -L -u', redirect: 'from http://host/ to https://host/', finalRequestCarried: 'none' },
  { client: 'curl -L --location-trusted -u', redirect: 'to another host, same port', finalRequestCarried: 'credentials' },
  { client: 'curl -L --location-trusted -u', redirect: 'to another port, same host', finalRequestCarried: 'credentials' },
  { client: 'requests.get(url, auth=...)', redirect: 'to the same origin', finalRequestCarried: 'credentials' },
  { client: 'requests.get(url, auth=...)', redirect: 'to another host, same port', finalRequestCarried: 'none' },
  { client: 'requests.get(url, auth=...)', redirect: 'to another port, same host', finalRequestCarried: 'none' },
  { client: 'requests.get(url, auth=...)', redirect: 'from http://host/ to https://host/', finalRequestCarried: 'credentials' },
];

let certDir = '';
beforeAll(() => {
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-claims-credentials-'));
  const key = path.join(certDir, 'key.pem');
  const cert = path.join(certDir, 'cert.pem');
  // A throwaway self-signed certificate; the clients are told not to check it (-k, verify=False).
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=client-claims-credentials',
    ],
    {
      stdio: 'ignore',
    },
  );
  tlsOptions = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
});
afterAll(() => fs.rmSync(certDir, { recursive: true, force: true }));

describe('Authorization on a redirect, curl and requests (lessons 09 and 10)', () => {
  test.concurrent.each(CLAIMS)('$client, $redirect: the redirected request carries $finalRequestCarried', async ({ client, redirect, finalRequestCarried }) => {
    const [first, final] = await REDIRECTS[redirect](hostPair());
    if (!first || !final) throw new Error(`layout ${redirect} started no servers`);
    first.redirectTo = `${final.origin}/final`;
    try {
      await CLIENTS[client](`${first.origin}/start`);
      const received = [...new Set([first, final])].flatMap((server) => server.received);
      expect(received).toEqual([
        { path: '/start', authorization: BASIC_ALICE },
        { path: '/final', authorization: finalRequestCarried === 'credentials' ? BASIC_ALICE : 'none' },
      ]);
    } finally {
      await Promise.all([...new Set([first, final])].map((server) => server.close()));
    }
  });
});

describe('non-ASCII credentials from a UTF-8 terminal (lesson 03, "No charset in the challenge")', () => {
  test('curl -u zoë:123£ sends the UTF-8 bytes of the credentials', async () => {
    const [host] = hostPair();
    const server = await listen(host, 0);
    try {
      await run('curl', ['-q', '-s', '-o', '/dev/null', '--max-time', '10', '-u', 'zoë:123£', `${server.origin}/`], { env: clientEnv() });
      const [{ authorization = '' } = {}] = server.received;
      // Lesson 03's own example: Basic em/DqzoxMjPCow== (Latin-1 would be em/rOjEyM6M=).
      expect(authorization).toBe('Basic em/DqzoxMjPCow==');
      expect(Buffer.from(authorization.slice('Basic '.length), 'base64')).toEqual(Buffer.from('zoë:123£', 'utf8'));
    } finally {
      await server.close();
    }
  });
});
