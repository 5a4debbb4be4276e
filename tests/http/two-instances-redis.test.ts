// Two production servers with one SANDBOX_SECRET and one REDIS_URL, and a redis-server this file starts on
// a free loopback port (nothing written to disk): what one instance accepted once, the other refuses as a
// replay (docs/deploying.md, "Several instances behind a load balancer"). Requests go to each instance
// directly, so which instance answers is certain; two-instances.test.ts covers nginx in front and the
// default, where each instance checks its own. redis-server comes from scripts/ensure-test-tools.sh.
import { spawn } from 'node:child_process';
import { DIGEST_URI, digestChallenge, digestSignerFor, get } from '../../bench/support/sandbox-client.mjs';
import { freePort, serverArguments } from '../../scripts/serve-build.mjs';
import { startLab } from './support/lab-server.mjs';
import { authorizationCode, redeem } from './support/oauth-code';
import { redisServerAvailable, startRedisServer, type RedisServer } from './support/redis-server';

jest.setTimeout(90_000);

const SANDBOX_SECRET = 'two-instances-redis-test-secret-32-chars';

type Instance = Awaited<ReturnType<typeof startLab>>;

const haveRedis = redisServerAvailable();
if (!haveRedis) {
  console.warn('two-instances-redis.test.ts: redis-server is not installed (scripts/ensure-test-tools.sh installs it): skipped.');
}

let redis: RedisServer | undefined;
const instances: Instance[] = [];

const instance = (index: number): Instance => {
  const found = instances[index];
  if (!found) throw new Error(`no instance ${index}`);
  return found;
};

(haveRedis ? describe : describe.skip)('two instances sharing one Redis (REDIS_URL)', () => {
  beforeAll(async () => {
    redis = await startRedisServer();
    const env = { SANDBOX_SECRET, REDIS_URL: redis.url };
    instances.push(...(await Promise.all([startLab(env), startLab(env)])));
  });

  afterAll(async () => {
    await Promise.all(instances.map((one) => one.stop()));
    await redis?.stop();
  });

  test.each([
    [0, 1],
    [1, 0],
  ])('a Digest Authorization accepted by instance %i and replayed (same nonce, cnonce, nc) to instance %i is refused', async (first, second) => {
    const sign = digestSignerFor(await digestChallenge(instance(first).baseUrl));
    const authorization = sign();
    const accepted = await get(new URL(DIGEST_URI, instance(first).baseUrl), { Authorization: authorization });
    expect(accepted.status).toBe(200);
    const replayed = await get(new URL(DIGEST_URI, instance(second).baseUrl), { Authorization: authorization });
    expect(replayed.status).toBe(401);
    expect(JSON.parse(replayed.body).detail).toMatch(/nc=00000001 was already used with this nonce and cnonce: a replay/);
    // The next count is no replay, whichever instance it reaches.
    expect((await get(new URL(DIGEST_URI, instance(second).baseUrl), { Authorization: sign() })).status).toBe(200);
  });

  test('an authorization code redeemed at instance 0 is refused at instance 1: one use, across instances', async () => {
    const form = await authorizationCode(instance(0).baseUrl);
    const first = await redeem(instance(0).baseUrl, form);
    expect(first.status).toBe(200);
    const second = await redeem(instance(1).baseUrl, form);
    expect(second.status).toBe(400);
    expect(JSON.parse(second.body)).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/already used/) });
  });

  test('a code that was not redeemed yet is accepted by the other instance: the refusal above is the shared record', async () => {
    const form = await authorizationCode(instance(0).baseUrl);
    expect((await redeem(instance(1).baseUrl, form)).status).toBe(200);
  });
});

(haveRedis ? test : test.skip)('a REDIS_URL that nothing answers stops start-up at once, saying so', async () => {
  const dead = `redis://127.0.0.1:${Number(await freePort())}`;
  const child = spawn(process.execPath, serverArguments(), {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: 'production', PORT: String(await freePort()), SANDBOX_SECRET, REDIS_URL: dead },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code).toBe(1);
  expect(output).toContain(`HTTP Auth Lab failed to start: Redis at REDIS_URL (${dead}) could not be reached`);
  expect(output).not.toContain('ready on');
});
