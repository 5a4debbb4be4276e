// "Test your own client" runs behind a load balancer (issue 21, "Storage that scales out"; docs/deploying.md):
// two production servers with one SANDBOX_SECRET and one REDIS_URL behind Debian's nginx (round robin), a
// redis-server of this file's own, all on free loopback ports. A run started through nginx is read on either
// instance; curl's case requests, answered by both instances, all land in the report; the verdicts are those
// of the same curl against one instance. A third instance without REDIS_URL keeps its runs to itself. Then
// Redis is stopped mid-test: every route that needs the store answers 503 with Retry-After at once, and
// works again once Redis is back. nginx and redis-server come from scripts/ensure-test-tools.sh.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLIENT_BASIC, DIGEST_URI, digestChallenge, digestSignerFor, get, PASSWORD, request } from '../../bench/support/sandbox-client.mjs';
import type { RunReport } from '@/lib/compat/run-report';
import { startLab, stopProcess } from './support/lab-server.mjs';
import { startNginx } from './support/nginx';
import { authorizationCode, redeem } from './support/oauth-code';
import { redisServerAvailable, startRedisServer, type RedisServer } from './support/redis-server';
import { curlEveryCase, readRun, startRun, type StartedRun } from './support/run-with-curl';

jest.setTimeout(180_000);

const SANDBOX_SECRET = 'two-instances-runs-test-secret-32-chars!';
/** nginx is the one client the instances see unless they trust it for X-Forwarded-For; generous anyway. */
const INSTANCE_ENV = { SANDBOX_SECRET, TRUST_PROXY: 'loopback', SANDBOX_RATE_LIMIT: '600/60s,burst=600' };
/**
 * Cases bound to one connection, which the nginx of docs/deploying.md cannot keep to one instance: NTLM
 * and Negotiate authenticate the connection (docs/deploying.md, "NTLM and Negotiate behind a proxy"). The
 * proxy cases are in: curl sends them to nginx as its proxy, and nginx passes Proxy-Authorization on.
 */
const CONNECTION_BOUND = /^(ntlm|negotiate)/;

type Instance = Awaited<ReturnType<typeof startLab>>;

const haveTools = redisServerAvailable() && fs.existsSync('/usr/sbin/nginx');
if (!haveTools) console.warn('two-instances-runs.test.ts: redis-server or nginx is not installed (scripts/ensure-test-tools.sh installs them): skipped.');

let redis: RedisServer | undefined;
let front = '';
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
let dir = '';
const shared: Instance[] = [];
let alone: Instance | undefined;

const at = (index: number) => {
  const found = shared[index];
  if (!found) throw new Error(`no instance ${index}`);
  return found.baseUrl.replace('127.0.0.1', 'localhost');
};

/** What nginx logged for the paths under `prefix`: which instance (upstream address) answered each. */
function upstreamsFor(prefix: string): string[] {
  const log = fs.readFileSync(path.join(dir, 'access.log'), 'utf8').trim().split('\n');
  return log.filter((line) => line.endsWith(prefix) || line.includes(` ${prefix}`)).map((line) => line.split(' ')[2] ?? '?');
}

const verdicts = (report: RunReport) => Object.fromEntries(report.cases.filter((c) => !CONNECTION_BOUND.test(c.id)).map((c) => [c.id, c.verdict]));

(haveTools ? describe : describe.skip)('client-test runs on two instances sharing one Redis, behind nginx', () => {
  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { ...INSTANCE_ENV, REDIS_URL: redis.url };
    const started = await Promise.all([startLab(env, { captureOutput: true }), startLab(env, { captureOutput: true }), startLab(INSTANCE_ENV)]);
    shared.push(started[0], started[1]);
    alone = started[2];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-auth-lab-runs-nginx-'));
    nginx = await startNginx(
      dir,
      shared.map((instance) => new URL(instance.baseUrl).host),
    );
    // localhost: the run's other origin is then 127.0.0.1 (the same nginx), so the cross-origin redirect case is played.
    front = nginx.baseUrl.replace('127.0.0.1', 'localhost');
  });

  afterAll(async () => {
    await stopProcess(nginx?.child, 'SIGQUIT');
    await Promise.all([...shared, alone].map((instance) => instance?.stop()));
    await redis?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('with Redis up', () => {
    let started: StartedRun;
    let report: RunReport;

    beforeAll(async () => {
      started = await startRun(front);
      await curlEveryCase(started, front);
      report = await readRun(front, started.id);
    });

    test('a run started through nginx is read the same on each instance', async () => {
      const [a, b] = await Promise.all([readRun(at(0), started.id), readRun(at(1), started.id)]);
      expect(a).toEqual(report);
      expect(b).toEqual(report);
      expect(report.cases.map((c) => c.id)).toEqual(started.cases.map((c) => c.id));
    });

    test('case requests answered by either instance are all in the report', () => {
      const answeredBy = upstreamsFor(`/api/sandbox/runs/${started.id}/cases/`);
      // Round robin: both instances answered case requests.
      expect(new Set(answeredBy).size).toBe(2);
      const recorded = report.cases.reduce((sum, c) => sum + c.requests.length + c.dropped, 0);
      expect(recorded).toBe(answeredBy.length);
      expect(report.cases.filter((c) => !CONNECTION_BOUND.test(c.id) && c.verdict === 'pending').map((c) => c.id)).toEqual([]);
    });

    test('the verdicts are those of the same curl against one instance', async () => {
      const direct = await startRun(at(0));
      await curlEveryCase(direct, at(0));
      const one = await readRun(at(0), direct.id);
      expect(Object.keys(verdicts(one)).length).toBeGreaterThanOrEqual(25);
      expect(verdicts(report)).toEqual(verdicts(one));
    });

    test('without REDIS_URL an instance keeps its runs to itself: neither side reads the other’s', async () => {
      const lonely = alone?.baseUrl ?? '';
      const own = await startRun(lonely);
      expect((await readRun(lonely, own.id)).id).toBe(own.id);
      expect((await get(new URL(`/api/sandbox/runs/${own.id}`, at(0)))).status).toBe(404);
      expect((await get(new URL(`/api/sandbox/runs/${started.id}`, lonely))).status).toBe(404);
    });
  });

  describe('Redis stopped mid-test', () => {
    test('every route that needs the store answers 503 with Retry-After at once; the rest still work; all work again once Redis is back', async () => {
      const run = await startRun(front);
      const code = await authorizationCode(front);
      const sign = digestSignerFor(await digestChallenge(front));
      const port = redis?.port ?? 0;
      await redis?.stop();

      const needStore: Array<[string, () => Promise<{ status: number; headers: Array<[string, string]>; body: string }>]> = [
        ['start a run', () => request(new URL('/api/sandbox/runs', front), { method: 'POST' })],
        ['read a run', () => get(new URL(`/api/sandbox/runs/${run.id}`, front))],
        ['a case of a run', () => get(new URL(run.cases[0]?.url ?? '', front))],
        ['Digest (nc)', () => get(new URL(DIGEST_URI, front), { Authorization: sign() })],
        ['an OAuth code', () => redeem(front, code)],
      ];
      for (const [label, send] of needStore) {
        const sent = Date.now();
        const answer = await send();
        const field = (name: string) => answer.headers.find(([n]) => n.toLowerCase() === name)?.[1];
        expect({ label, status: answer.status, type: field('content-type'), retryAfter: field('retry-after') }).toEqual({
          label,
          status: 503,
          type: 'application/problem+json',
          retryAfter: '5',
        });
        expect(JSON.parse(answer.body)).toMatchObject({ status: 503, title: 'Shared store unavailable', detail: expect.stringMatching(/not answering/) });
        expect(Date.now() - sent).toBeLessThan(3_000);
      }
      // Basic needs no store: it still answers.
      expect((await get(new URL('/api/sandbox/basic', front), { Authorization: CLIENT_BASIC })).status).toBe(200);

      // The operator is told, in one line per outage (per instance), without the request's credentials.
      const output = shared.map((instance) => instance.output()).join('\n');
      expect(output).toMatch(/\[sandbox\] shared store unavailable, answering 503 to (GET|POST) \/api\/sandbox\//);
      expect(output).not.toContain(PASSWORD);
      expect(output).not.toMatch(/Digest username=/);
      expect(output).not.toMatch(/unexpected error/);

      redis = await startRedisServer(port);
      // Each instance's client reconnects on its own schedule (retries up to 2 s apart; later on a loaded
      // machine), so wait for each instance, asked directly, before going through nginx's round robin.
      // The run is gone with Redis's memory (nothing persisted): once an instance is back it answers 404.
      const deadline = Date.now() + 15_000;
      for (const index of [0, 1]) {
        let status = 503;
        while (status === 503 && Date.now() < deadline) {
          status = (await get(new URL(`/api/sandbox/runs/${run.id}`, at(index)))).status;
          if (status === 503) await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect({ instance: index, status }).toEqual({ instance: index, status: 404 });
      }
      // Both back: everything that needed the store works through the front again.
      expect(await startRun(front)).toBeDefined();
      for (let i = 0; i < 4; i++) {
        const fresh = digestSignerFor(await digestChallenge(front));
        expect((await get(new URL(DIGEST_URI, front), { Authorization: fresh() })).status).toBe(200);
      }
      expect((await redeem(front, await authorizationCode(front))).status).toBe(200);
      expect((await get(new URL(`/api/sandbox/runs/${run.id}`, front))).status).toBe(404);
    });
  });
});
