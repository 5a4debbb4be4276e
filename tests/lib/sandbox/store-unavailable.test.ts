import { exportJWK, generateKeyPair } from 'jose';
import { buildNtlmNegotiate, createDpopProof, encodeBase64, jwkThumbprint, ntlmAuthenticateFor, readNtlmMessage } from '@/lib/http-auth';
import { createSandboxContext, type SandboxContext } from '@/lib/sandbox/context';
import { answerConnect } from '@/lib/sandbox/edge/connect';
import { createConnectionAuth, handshakeBudget, type ConnectionAuth } from '@/lib/sandbox/connection';
import { headerValues, type HeaderList, type SandboxResponse } from '@/lib/sandbox/message';
import { issueAccessToken } from '@/lib/sandbox/oauth/access-token';
import { DPOP_PATH } from '@/lib/sandbox/oauth/lab-metadata';
import { openApiDocument } from '@/lib/sandbox/openapi/document';
import { routeSandboxRequest } from '@/lib/sandbox/routes/router';
import { SANDBOX_ROUTES } from '@/lib/sandbox/routes/table';
import { createRedisStore } from '@/lib/sandbox/store/redis';
import type { OnceStore } from '@/lib/sandbox/store/store';
import { redisServerAvailable, startRedisServer, type RedisServer } from '../../http/support/redis-server';
import { ALICE_BASIC, request, SECRET } from './support';

// Redis going away after start-up (REDIS_URL): every route that needs the store (DPoP jti, NTLM proofs, the
// client-test runs; Digest nc and OAuth codes are covered through nginx in tests/http/two-instances-runs)
// answers 503 problem+json with Retry-After within the store's bounded wait, never 500, and logs one line
// without the request. Against a real redis-server this file starts and stops; no store is faked.

jest.setTimeout(20_000);

const HOST: [string, string] = ['Host', 'lab.test'];
const ORIGIN = 'http://lab.test';

const haveRedis = redisServerAvailable();

const documented = openApiDocument(SANDBOX_ROUTES);

/** The OpenAPI document names the 503 for this path, so a client reading it expects the outage. */
function expectDocumented(path: string, method: 'get' | 'post' = 'get') {
  expect([path, documented.paths[path]?.[method]?.responses['503']?.description]).toEqual([path, expect.stringMatching(/^Shared store unavailable/)]);
}

function expectUnavailable(response: SandboxResponse) {
  expect(response.status).toBe(503);
  expect(headerValues(response.headers, 'Content-Type')).toEqual(['application/problem+json']);
  expect(headerValues(response.headers, 'Retry-After')).toEqual(['5']);
  expect(JSON.parse(response.body)).toMatchObject({ status: 503, title: 'Shared store unavailable' });
}

(haveRedis ? describe : describe.skip)('the shared store gone after start-up', () => {
  let redis: RedisServer;
  let store: OnceStore;
  let ctx: SandboxContext;
  let logged: jest.SpyInstance;

  beforeEach(async () => {
    redis = await startRedisServer();
    // Room for a healthy answer on a loaded machine (a run at load 10 saw the first POST /runs outlast
    // 500 ms); once Redis is gone every command fails at once, so the outage checks never wait this long.
    store = createRedisStore({ url: redis.url, waitMs: 5_000 });
    await store.ready();
    ctx = createSandboxContext({ secret: SECRET, store });
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    logged.mockRestore();
    await store.close();
    await redis.stop();
  });

  test('DPoP: a proof whose jti cannot be checked gets 503, not a pass and not a 500', async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(pair.publicKey);
    const token = await issueAccessToken(
      {
        issuer: `${ORIGIN}/api/sandbox/oauth`,
        resource: `${ORIGIN}${DPOP_PATH}`,
        subject: 'alice',
        clientId: 'c1',
        scope: ['whoami'],
        lifetimeSeconds: 300,
        jkt: await jwkThumbprint(publicJwk),
      },
      { secret: SECRET, now: ctx.now(), random: ctx.random },
    );
    const proof = (nonce?: string) =>
      createDpopProof({
        privateKey: pair.privateKey,
        publicJwk,
        alg: 'ES256',
        htm: 'GET',
        htu: `${ORIGIN}${DPOP_PATH}`,
        accessToken: token,
        iat: Math.floor(ctx.now() / 1000),
        ...(nonce ? { nonce } : {}),
      });
    const send = async (headers: HeaderList) => (await routeSandboxRequest(request(DPOP_PATH, [HOST, ...headers]), ctx)).response;
    const first = await send([
      ['Authorization', `DPoP ${token}`],
      ['DPoP', await proof()],
    ]);
    const nonce = headerValues(first.headers, 'DPoP-Nonce')[0];
    const headers: HeaderList = [
      ['Authorization', `DPoP ${token}`],
      ['DPoP', await proof(nonce)],
    ];
    await redis.stop();
    const started = Date.now();
    expectUnavailable(await send(headers));
    expect(Date.now() - started).toBeLessThan(1_500);
    expectDocumented(DPOP_PATH);
  });

  test('NTLM: an AUTHENTICATE whose proof cannot be checked gets 503, on the origin and on CONNECT', async () => {
    const negotiate = `NTLM ${encodeBase64(buildNtlmNegotiate())}`;
    const budget = handshakeBudget();
    const lab = { localAddress: '127.0.0.1', localPort: 3000 };
    type Door = 'origin' | 'connect';
    const send = async (door: Door, connection: ConnectionAuth, authorization: string): Promise<SandboxResponse> => {
      if (door === 'origin')
        return (await routeSandboxRequest({ ...request('/api/sandbox/ntlm', [['Authorization', authorization]]), connection }, ctx)).response;
      const sandboxRequest = { ...request('127.0.0.1:3000', [['Proxy-Authorization', authorization]], 'CONNECT'), connection };
      const answer = await answerConnect(sandboxRequest, lab, ctx, 0);
      if (answer.kind !== 'respond') throw new Error('a tunnel opened');
      return answer.response;
    };
    /** Legs one and two; the AUTHENTICATE the client would send next. */
    const legs = async (door: Door, id: number) => {
      const connection = createConnectionAuth(id, budget);
      const challenged = await send(door, connection, negotiate);
      const field = door === 'origin' ? 'WWW-Authenticate' : 'Proxy-Authenticate';
      const read = readNtlmMessage((headerValues(challenged.headers, field)[0] ?? '').slice(5), 'challenge');
      if (read.kind !== 'message' || read.message.kind !== 'challenge') throw new Error(`no CHALLENGE: ${challenged.status}`);
      const identity = { user: 'alice', domain: 'LAB', password: 'wonderland', workstation: 'TEST-PC' };
      const negotiateBytes = buildNtlmNegotiate();
      const { authenticate } = await ntlmAuthenticateFor(read.message, identity, {
        clientChallenge: new Uint8Array(8).fill(0xaa),
        now: ctx.now(),
        negotiate: negotiateBytes,
      });
      return { connection, authorization: `NTLM ${encodeBase64(authenticate)}` };
    };
    const origin = await legs('origin', 1);
    const tunnel = await legs('connect', 2);
    await redis.stop();
    expectUnavailable(await send('origin', origin.connection, origin.authorization));
    expectUnavailable(await send('connect', tunnel.connection, tunnel.authorization));
    expectDocumented('/api/sandbox/ntlm');
    // Basic needs no store: it still answers.
    expect((await routeSandboxRequest(request('/api/sandbox/basic', [['Authorization', ALICE_BASIC]]), ctx)).response.status).toBe(200);
  });

  test('runs: starting, reading and playing a case get 503; one log line names the route, never the request', async () => {
    const started = await routeSandboxRequest(request('/api/sandbox/runs', [HOST], 'POST'), ctx);
    expect(started.response.status).toBe(201);
    const run = JSON.parse(started.response.body) as { id: string; cases: Array<{ url: string }> };
    await redis.stop();
    expectUnavailable((await routeSandboxRequest(request('/api/sandbox/runs', [HOST], 'POST'), ctx)).response);
    expectUnavailable((await routeSandboxRequest(request(`/api/sandbox/runs/${run.id}`, [HOST]), ctx)).response);
    const caseTarget = new URL(run.cases[0]?.url ?? '').pathname;
    expectDocumented('/api/sandbox/runs', 'post');
    expectDocumented('/api/sandbox/runs/{id}');
    expectDocumented('/api/sandbox/runs/{id}/cases/{case}');
    expectUnavailable((await routeSandboxRequest(request(caseTarget, [HOST, ['Authorization', ALICE_BASIC]]), ctx)).response);
    const lines = logged.mock.calls.map((call) => call.map(String).join(' ')).filter((line) => line.includes('shared store unavailable'));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines.join('\n')).toMatch(/answering 503 to (POST|GET) \/api\/sandbox\/runs/);
    expect(lines.join('\n')).not.toContain(run.id);
    expect(lines.join('\n')).not.toContain(ALICE_BASIC.slice(6));
  });
});
