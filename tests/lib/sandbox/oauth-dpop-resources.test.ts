/** @jest-environment node */
// The lab's DPoP resources through the router in-process (RFC 9449 §7, §9): every refusal the issue names,
// each with its error code, its reason and its trace step, and the two ways to succeed.
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { createDpopProof, jwkThumbprint, parseChallenges } from '@/lib/http-auth';
import { describeStep } from '@/lib/sandbox/engine/trace';
import { headerValues, type HeaderList } from '@/lib/sandbox/message';
import { issueAccessToken } from '@/lib/sandbox/oauth/access-token';
import { BEARER_OR_DPOP_PATH, DPOP_PATH } from '@/lib/sandbox/oauth/lab-metadata';
import { routeSandboxRequest } from '@/lib/sandbox/routes/router';
import { request, SECRET, testContext } from './support';

const ORIGIN = 'http://lab.test';
const HOST: [string, string] = ['Host', 'lab.test'];
type Keys = { privateKey: CryptoKey; publicJwk: JWK; jkt: string };

async function keys(): Promise<Keys> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk, jkt: await jwkThumbprint(publicJwk) };
}

async function setUp(path: string, bound = true) {
  const ctx = testContext();
  const key = await keys();
  const token = await issueAccessToken(
    {
      issuer: `${ORIGIN}/api/sandbox/oauth`,
      resource: `${ORIGIN}${path}`,
      subject: 'alice',
      clientId: 'c1',
      scope: ['whoami'],
      lifetimeSeconds: 300,
      ...(bound ? { jkt: key.jkt } : {}),
    },
    { secret: SECRET, now: ctx.now(), random: (n) => crypto.getRandomValues(new Uint8Array(n)) },
  );
  const proof = (fields: { key?: Keys; htm?: string; htu?: string; nonce?: string; accessToken?: string } = {}) =>
    createDpopProof({
      privateKey: (fields.key ?? key).privateKey,
      publicJwk: (fields.key ?? key).publicJwk,
      alg: 'ES256',
      htm: fields.htm ?? 'GET',
      htu: fields.htu ?? `${ORIGIN}${path}`,
      accessToken: fields.accessToken ?? token,
      iat: Math.floor(ctx.now() / 1000),
      ...(fields.nonce === undefined ? {} : { nonce: fields.nonce }),
    });
  const send = async (headers: HeaderList) => {
    const result = await routeSandboxRequest(request(path, [HOST, ...headers]), ctx);
    return { ...result.response, trace: result.trace.map(describeStep) };
  };
  /** A nonce from the resource, got the way a client gets one: a first try without it. */
  const nonce = async () => {
    const first = await send([
      ['Authorization', `DPoP ${token}`],
      ['DPoP', await proof()],
    ]);
    return headerValues(first.headers, 'DPoP-Nonce')[0] ?? '';
  };
  return { ctx, key, token, proof, send, nonce };
}

const challengeOf = (headers: HeaderList) => {
  const parsed = parseChallenges(headerValues(headers, 'WWW-Authenticate').join(', '));
  return parsed.ok ? parsed.value : [];
};

describe(`${DPOP_PATH}: DPoP-bound tokens only, with the resource's nonce`, () => {
  test('no token: one DPoP challenge with algs, scope and resource_metadata, no error', async () => {
    const { send } = await setUp(DPOP_PATH);
    const answer = await send([]);
    expect(answer.status).toBe(401);
    const [challenge, ...others] = challengeOf(answer.headers);
    expect(others).toEqual([]);
    expect(challenge?.scheme).toBe('DPoP');
    expect(challenge?.params).toMatchObject({ realm: 'lab', scope: 'whoami', algs: expect.stringContaining('ES256') });
    expect(challenge?.params.error).toBeUndefined();
  });

  test('the nonce round trip: use_dpop_nonce with DPoP-Nonce, then 200 with the nonce in a new proof', async () => {
    const { send, proof, token } = await setUp(DPOP_PATH);
    const first = await send([
      ['Authorization', `DPoP ${token}`],
      ['DPoP', await proof()],
    ]);
    expect(first.status).toBe(401);
    expect(challengeOf(first.headers)[0]?.params.error).toBe('use_dpop_nonce');
    const nonce = headerValues(first.headers, 'DPoP-Nonce')[0] ?? '';
    expect(first.trace[1]).toContain('use_dpop_nonce');
    const second = await send([
      ['Authorization', `DPoP ${token}`],
      ['DPoP', await proof({ nonce })],
    ]);
    expect(second.status).toBe(200);
    expect(JSON.parse(second.body)).toMatchObject({ sub: 'alice', scheme: 'DPoP' });
  });

  test.each<[string, (s: Awaited<ReturnType<typeof setUp>>, nonce: string) => Promise<HeaderList>, string, string]>([
    ['a DPoP token sent as Bearer', async (s) => [['Authorization', `Bearer ${s.token}`]], 'invalid_token', 'DPoP-bound tokens only'],
    ['no proof', async (s) => [['Authorization', `DPoP ${s.token}`]], 'invalid_dpop_proof', 'No DPoP proof'],
    [
      'two proofs',
      async (s, n) => [
        ['Authorization', `DPoP ${s.token}`],
        ['DPoP', await s.proof({ nonce: n })],
        ['DPoP', await s.proof({ nonce: n })],
      ],
      'invalid_dpop_proof',
      'exactly one',
    ],
    [
      'a proof for POST',
      async (s, n) => [
        ['Authorization', `DPoP ${s.token}`],
        ['DPoP', await s.proof({ nonce: n, htm: 'POST' })],
      ],
      'invalid_dpop_proof',
      'htm',
    ],
    [
      'a proof for another URL',
      async (s, n) => [
        ['Authorization', `DPoP ${s.token}`],
        ['DPoP', await s.proof({ nonce: n, htu: `${ORIGIN}/api/sandbox/oauth/whoami` })],
      ],
      'invalid_dpop_proof',
      'htu',
    ],
    [
      'a proof for another token (ath)',
      async (s, n) => [
        ['Authorization', `DPoP ${s.token}`],
        ['DPoP', await s.proof({ nonce: n, accessToken: 'another-token' })],
      ],
      'invalid_dpop_proof',
      'ath',
    ],
    [
      'a proof signed by another key',
      async (s, n) => [
        ['Authorization', `DPoP ${s.token}`],
        ['DPoP', await s.proof({ nonce: n, key: await keys() })],
      ],
      'invalid_dpop_proof',
      'jkt',
    ],
    [
      'a nonce the resource did not give',
      async (s) => [
        ['Authorization', `DPoP ${s.token}`],
        ['DPoP', await s.proof({ nonce: 'made-up' })],
      ],
      'use_dpop_nonce',
      'not one this resource gave',
    ],
  ])('%s: 401 with its error code, saying why', async (_name, headers, error, says) => {
    const s = await setUp(DPOP_PATH);
    const answer = await s.send(await headers(s, await s.nonce()));
    expect(answer.status).toBe(401);
    const challenge = challengeOf(answer.headers)[0];
    expect([challenge?.scheme, challenge?.params.error]).toEqual(['DPoP', error]);
    expect(challenge?.params.error_description).toContain(says);
    expect(answer.trace).toHaveLength(2);
  });

  test('a proof used twice: the replay is refused (RFC 9449 §11.1)', async () => {
    const s = await setUp(DPOP_PATH);
    const once = await s.proof({ nonce: await s.nonce() });
    expect(
      (
        await s.send([
          ['Authorization', `DPoP ${s.token}`],
          ['DPoP', once],
        ])
      ).status,
    ).toBe(200);
    const again = await s.send([
      ['Authorization', `DPoP ${s.token}`],
      ['DPoP', once],
    ]);
    expect(challengeOf(again.headers)[0]?.params).toMatchObject({ error: 'invalid_dpop_proof', error_description: expect.stringContaining('used before') });
  });

  test('an unbound token sent as DPoP: invalid_token, it has no cnf.jkt', async () => {
    const s = await setUp(DPOP_PATH, false);
    const answer = await s.send([
      ['Authorization', `DPoP ${s.token}`],
      ['DPoP', await s.proof()],
    ]);
    expect(challengeOf(answer.headers)[0]?.params).toMatchObject({ error: 'invalid_token', error_description: expect.stringContaining('cnf.jkt') });
  });
});

describe(`${BEARER_OR_DPOP_PATH}: Bearer or DPoP`, () => {
  test('no token: both challenges (RFC 9449 §7.2)', async () => {
    const { send } = await setUp(BEARER_OR_DPOP_PATH);
    const answer = await send([]);
    expect(headerValues(answer.headers, 'WWW-Authenticate')).toHaveLength(2);
    expect(challengeOf(answer.headers).map((challenge) => challenge.scheme)).toEqual(['Bearer', 'DPoP']);
  });

  test('an unbound token as Bearer and a bound one as DPoP (no nonce wanted here) both get 200', async () => {
    const plain = await setUp(BEARER_OR_DPOP_PATH, false);
    expect(JSON.parse((await plain.send([['Authorization', `Bearer ${plain.token}`]])).body)).toMatchObject({ scheme: 'Bearer' });
    const bound = await setUp(BEARER_OR_DPOP_PATH);
    const answer = await bound.send([
      ['Authorization', `DPoP ${bound.token}`],
      ['DPoP', await bound.proof()],
    ]);
    expect([answer.status, JSON.parse(answer.body).scheme]).toEqual([200, 'DPoP']);
  });

  test('a bound token sent as Bearer: 401 invalid_token, never accepted without its proof', async () => {
    const s = await setUp(BEARER_OR_DPOP_PATH);
    const answer = await s.send([['Authorization', `Bearer ${s.token}`]]);
    const challenge = challengeOf(answer.headers)[0];
    expect([answer.status, challenge?.scheme, challenge?.params.error]).toEqual([401, 'Bearer', 'invalid_token']);
    expect(challenge?.params.error_description).toContain('bound to a key');
  });

  test('its metadata says DPoP is welcome but not required; the DPoP-only resource says required', async () => {
    const ctx = testContext();
    const read = async (path: string) =>
      JSON.parse((await routeSandboxRequest(request(`/.well-known/oauth-protected-resource${path}`, [HOST]), ctx)).response.body);
    await expect(read(BEARER_OR_DPOP_PATH)).resolves.toMatchObject({
      dpop_bound_access_tokens_required: false,
      dpop_signing_alg_values_supported: expect.arrayContaining(['ES256']),
    });
    await expect(read(DPOP_PATH)).resolves.toMatchObject({ dpop_bound_access_tokens_required: true });
  });
});
