// Two production servers with the same SANDBOX_SECRET behind Debian's nginx (round robin), all on free
// loopback ports and all started and stopped here: a deployment's nonces and tokens must work on every
// instance, and losing an instance must not lose a request that nginx can retry on the other one.
// nginx comes from scripts/ensure-test-tools.sh (npm test runs it first).
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  BEARER_PATH,
  CLIENT_BASIC,
  DIGEST_URI,
  TOKEN_FORM,
  TOKEN_PATH,
  digestChallenge,
  digestSignerFor,
  get,
  issueToken,
  request,
} from '../../bench/support/sandbox-client.mjs';
import { startLab, stopProcess } from './support/lab-server.mjs';
import { startNginx } from './support/nginx';

jest.setTimeout(180_000);

const SANDBOX_SECRET = 'two-instances-test-secret-at-least-32-chars';
/** The burst through nginx: WORKERS loops in parallel, ROUNDS conversations each (5 requests a round). */
const WORKERS = 6;
const ROUNDS = 40;
const BURST_DEADLINE_MS = 90_000;
/**
 * The instances trust nginx (loopback) for X-Forwarded-For and limit each client to 240 requests at
 * once: a worker sends at most 200 (WORKERS × ROUNDS × 5 / WORKERS), all to the survivor at worst, so
 * none is refused as long as each worker counts as its own client. Counted as one client (nginx's
 * address, as without X-Forwarded-For or TRUST_PROXY), the 1 200 would be refused by the hundreds.
 */
const INSTANCE_ENV = { SANDBOX_SECRET, TRUST_PROXY: 'loopback', SANDBOX_RATE_LIMIT: '240/60s,burst=240' };

type Instance = Awaited<ReturnType<typeof startLab>>;

const instances: Instance[] = [];
let nginx: { baseUrl: string; child: ChildProcess } | undefined;
let dir = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-auth-lab-nginx-'));
  for (let i = 0; i < 2; i++) {
    const server = await startLab(INSTANCE_ENV);
    instances.push(server);
  }
  nginx = await startNginx(
    dir,
    instances.map((instance) => new URL(instance.baseUrl).host),
  );
});

afterAll(async () => {
  // nginx -s quit would need the same -p; SIGQUIT is the same graceful stop, sent to the master.
  await stopProcess(nginx?.child, 'SIGQUIT');
  await Promise.all(instances.map((instance) => instance.stop()));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const instance = (index: number): Instance => {
  const found = instances[index];
  if (!found) throw new Error(`no instance ${index}`);
  return found;
};

describe('two instances with one SANDBOX_SECRET', () => {
  test.each([
    [0, 1],
    [1, 0],
  ])('a Digest nonce issued by instance %i is accepted by instance %i (direct requests, no nginx)', async (issuer, verifier) => {
    const sign = digestSignerFor(await digestChallenge(instance(issuer).baseUrl));
    for (let i = 0; i < 3; i++) {
      const answer = await get(new URL(DIGEST_URI, instance(verifier).baseUrl), { Authorization: sign() });
      expect(answer.status).toBe(200);
    }
  });

  test('a nonce signed with another secret is refused: the acceptance above is the shared secret, not laxness', async () => {
    const stranger = await startLab({ ...INSTANCE_ENV, SANDBOX_SECRET: 'some-other-secret-of-at-least-32-characters' });
    try {
      const sign = digestSignerFor(await digestChallenge(stranger.baseUrl));
      const answer = await get(new URL(DIGEST_URI, instance(0).baseUrl), { Authorization: sign() });
      expect(answer.status).toBe(401);
    } finally {
      await stranger.stop();
    }
  });

  test.each([
    [0, 1],
    [1, 0],
  ])('a Bearer token issued by instance %i works on instance %i', async (issuer, verifier) => {
    const token = await issueToken(instance(issuer).baseUrl);
    const answer = await get(new URL(BEARER_PATH, instance(verifier).baseUrl), { Authorization: `Bearer ${token}` });
    expect(answer.status).toBe(200);
  });
});

type Outcome = { label: string; status: number | 'error' };

describe('behind nginx, round robin', () => {
  test('killing one instance (SIGKILL) in the middle of a burst loses no request: nginx retries each on the other', async () => {
    const front = nginx?.baseUrl ?? '';
    const victim = instance(1);
    const total = WORKERS * ROUNDS * 5;
    const outcomes: Outcome[] = [];
    const started = Date.now();
    let killed = false;
    const record = async (label: string, expected: number, send: () => Promise<{ status: number; body: string }>) => {
      let status: number | 'error';
      let body = '';
      try {
        ({ status, body } = await send());
      } catch {
        status = 'error';
      }
      outcomes.push({ label: `${label} ${status}${status === expected ? '' : ` (expected ${expected})`}`, status });
      // SIGKILL, not SIGTERM: SIGTERM drains gracefully (server.ts), so nginx would barely notice. A
      // killed process is the harsh case (a crash, the OOM killer, a host gone): requests in flight on
      // it lose their connection, and only nginx's retry can save them.
      if (!killed && outcomes.length >= total / 3) {
        killed = true;
        victim.child.kill('SIGKILL');
      }
      return status === expected ? body : '';
    };
    const worker = async (index: number) => {
      // Each worker holds its own Digest nonce (from the front, whichever instance answers), so its nc
      // values go up in order. Each is also its own client: the test's clients all sit on loopback,
      // which the instances trust like nginx, so a worker can name its address in X-Forwarded-For as
      // a proxy in front of nginx would; nginx appends 127.0.0.1 and the instances take the address
      // left of it (the right-most one they do not trust).
      const client = { 'X-Forwarded-For': `192.0.2.${index + 1}` };
      const sign = digestSignerFor(await digestChallenge(front));
      for (let round = 0; round < ROUNDS && Date.now() - started < BURST_DEADLINE_MS; round++) {
        await record('basic challenge', 401, () => get(new URL('/api/sandbox/basic', front), client));
        await record('digest signed', 200, () => get(new URL(DIGEST_URI, front), { ...client, Authorization: sign() }));
        const tokenBody = await record('token issue', 200, () =>
          request(new URL(TOKEN_PATH, front), {
            method: 'POST',
            headers: { ...client, Authorization: CLIENT_BASIC, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: TOKEN_FORM,
          }),
        );
        const token = tokenBody ? (JSON.parse(tokenBody) as { access_token?: string }).access_token : undefined;
        await record('bearer use', 200, () => get(new URL(BEARER_PATH, front), { ...client, Authorization: `Bearer ${token ?? ''}` }));
        await record('exchange', 200, () =>
          request(new URL('/api/exchange', front), {
            method: 'POST',
            headers: { ...client, 'Content-Type': 'application/json' },
            body: JSON.stringify({ request: { method: 'GET', target: DIGEST_URI }, mode: 'auto' }),
          }),
        );
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(index)));

    const histogram = new Map<string, number>();
    for (const { label } of outcomes) histogram.set(label, (histogram.get(label) ?? 0) + 1);
    const log = fs.readFileSync(path.join(dir, 'access.log'), 'utf8').trim().split('\n');
    const retried = log.filter((line) => line.includes(', '));
    const byUpstream = new Map<string, number>();
    for (const line of log) {
      const upstream = line.split(' ')[2] ?? '?';
      byUpstream.set(upstream, (byUpstream.get(upstream) ?? 0) + 1);
    }
    console.log(
      [
        `burst through nginx: ${outcomes.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s, instance 1 (pid ${victim.child.pid}) SIGKILLed after ${Math.round(total / 3)}`,
        ...[...histogram].sort().map(([label, count]) => `  ${label}: ${count}`),
        `nginx: ${retried.length} requests passed to the next upstream after a failure, e.g. ${JSON.stringify(retried.slice(0, 3))}`,
        `nginx: requests per upstream (first tried) ${JSON.stringify(Object.fromEntries(byUpstream))}`,
      ].join('\n'),
    );

    expect(killed).toBe(true);
    expect(outcomes).toHaveLength(total);
    expect(outcomes.filter(({ label }) => label.includes('expected'))).toEqual([]);
    // Round robin really spread the load over both before the kill.
    expect(new Set(log.map((line) => (line.split(' ')[2] ?? '').replace(/,$/, ''))).size).toBeGreaterThanOrEqual(2);
    // The surviving instance still answers directly.
    expect((await get(new URL('/api/sandbox/basic', instance(0).baseUrl))).status).toBe(401);
  });
});
