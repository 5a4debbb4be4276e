/** @jest-environment node */
import { s256Challenge } from '@/lib/oauth/pkce';
import { createMemoryStore } from '@/lib/sandbox/store/memory';
import type { SandboxRequest } from '@/lib/sandbox/message';
import { checkAccessToken } from '@/lib/sandbox/oauth/access-token';
import { registerClient } from '@/lib/sandbox/oauth/client-registration';
import { decideConsent } from '@/lib/sandbox/oauth/consent';
import { oauthTokenEndpoint } from '@/lib/sandbox/oauth/token-endpoint';
import { createDpopProof, jwkThumbprint } from '@/lib/http-auth';
import { exportJWK, generateKeyPair } from 'jose';

// The whole code flow through the pure pieces, as the routes will run it: register, consent, token,
// and the resource's check of the token.
const secret = new TextEncoder().encode('oauth-test-secret-of-at-least-32-characters');
const NOW = Date.UTC(2026, 11, 6, 10, 0, 0);
const ISSUER = 'https://lab.example/api/sandbox/oauth';
const RESOURCE = 'https://lab.example/api/sandbox/mcp';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const REDIRECT = 'http://127.0.0.1:5173/callback';
let n = 0;
const random = (length: number) => new Uint8Array(length).map(() => (n += 29) % 256);
const settings = { issuer: ISSUER, resources: [RESOURCE], scopes: ['mcp:tools'] };
const users = [{ name: 'alice', password: 'wonderland' }];

async function client(method: 'none' | 'client_secret_basic' | 'client_secret_post' = 'none') {
  const registration = await registerClient({ redirect_uris: ['http://127.0.0.1/callback'], token_endpoint_auth_method: method }, { secret, now: NOW });
  if (registration.kind !== 'registered') throw new Error('registration refused');
  return { id: String(registration.body.client_id), secret: registration.body.client_secret as string | undefined };
}

async function codeFor(clientId: string): Promise<string> {
  const form = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    state: 's',
    scope: 'mcp:tools',
    resource: RESOURCE,
    code_challenge: s256Challenge(VERIFIER),
    code_challenge_method: 'S256',
    username: 'alice',
    password: 'wonderland',
    decision: 'allow',
  });
  const outcome = await decideConsent(form, settings, { secret, now: NOW, random, users });
  if (outcome.kind !== 'redirect') throw new Error(`no code: ${outcome.kind}`);
  return new URL(outcome.location).searchParams.get('code') ?? '';
}

const post = (fields: Record<string, string>, headers: [string, string][] = []): SandboxRequest => ({
  method: 'POST',
  target: '/api/sandbox/oauth/token',
  headers: [['Content-Type', 'application/x-www-form-urlencoded'], ...headers],
  body: new TextEncoder().encode(new URLSearchParams(fields).toString()),
});

const TOKEN_URL = 'https://lab.example/api/sandbox/oauth/token';
const endpoint = (request: SandboxRequest, redeemed = createMemoryStore({ now: () => NOW }), seenProofs = createMemoryStore({ now: () => NOW })) =>
  oauthTokenEndpoint(request, { secret, now: NOW + 2_000, random, issuer: ISSUER, redeemed, tokenEndpointUrl: TOKEN_URL, seenProofs });

describe('the token endpoint (authorization code with PKCE)', () => {
  test('a public client gets an RFC 9068 token for the resource, not cached; the resource accepts it', async () => {
    const { id } = await client();
    const code = await codeFor(id);
    const response = await endpoint(
      post({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: id, code_verifier: VERIFIER, resource: RESOURCE }),
    );
    expect(response.status).toBe(200);
    expect(response.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Cache-Control', 'no-store'],
    ]);
    const body = JSON.parse(response.body) as { access_token: string; token_type: string; expires_in: number; scope: string };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'mcp:tools' });
    await expect(checkAccessToken(body.access_token, { secret, now: NOW + 3_000, issuer: ISSUER, resource: RESOURCE })).resolves.toMatchObject({
      kind: 'valid',
      subject: 'alice',
      clientId: id,
      scope: ['mcp:tools'],
    });
  });

  test('a confidential client authenticates with Basic (form-urlencoded first, RFC 6749 §2.3.1)', async () => {
    const { id, secret: clientSecret } = await client('client_secret_basic');
    const code = await codeFor(id);
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(clientSecret ?? '')}`).toString('base64')}`;
    const response = await endpoint(
      post({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, [['Authorization', basic]]),
    );
    expect(response.status).toBe(200);
  });

  test.each([
    ['a reused code', 'reuse', 400, 'invalid_grant'],
    ['a wrong code_verifier', { code_verifier: 'x'.repeat(43) }, 400, 'invalid_grant'],
    ['no code_verifier', { code_verifier: undefined }, 400, 'invalid_grant'],
    ['another redirect_uri', { redirect_uri: 'http://127.0.0.1:5174/callback' }, 400, 'invalid_grant'],
    ['another resource', { resource: 'https://lab.example/api/sandbox/other' }, 400, 'invalid_target'],
    ['grant_type=password', { grant_type: 'password' }, 400, 'unsupported_grant_type'],
    ['no client_id', { client_id: undefined }, 401, 'invalid_client'],
    ['a client id this server did not issue', { client_id: 'nobody' }, 401, 'invalid_client'],
    ['a secret from a public client', { client_secret: 'guess' }, 401, 'invalid_client'],
  ] as const)('%s: %i %s', async (_name, change, status, error) => {
    const { id } = await client();
    const code = await codeFor(id);
    const fields: Record<string, string | undefined> = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT,
      client_id: id,
      code_verifier: VERIFIER,
      resource: RESOURCE,
    };
    const redeemed = createMemoryStore({ now: () => NOW });
    if (change === 'reuse') await endpoint(post(fields as Record<string, string>), redeemed);
    else Object.assign(fields, change);
    const sent = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const response = await endpoint(post(sent), redeemed);
    expect(response.status).toBe(status);
    expect(response.headers).toContainEqual(['Content-Type', 'application/json']);
    const body = JSON.parse(response.body) as { error: string; error_description: string };
    expect(body.error).toBe(error);
    expect(body.error_description.length).toBeGreaterThan(10);
  });

  test('a body that is not a form, and a parameter sent twice, are invalid_request', async () => {
    const json = await endpoint({ method: 'POST', target: '/t', headers: [['Content-Type', 'application/json']], body: new TextEncoder().encode('{}') });
    expect(JSON.parse(json.body).error).toBe('invalid_request');
    const twice = await endpoint({
      method: 'POST',
      target: '/t',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: new TextEncoder().encode('grant_type=authorization_code&code=a&code=b'),
    });
    expect(JSON.parse(twice.body)).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining('code appear more than once') });
  });
});

describe('the token endpoint with DPoP (RFC 9449 §5, §8)', () => {
  const keyPair = () => generateKeyPair('ES256', { extractable: true });
  const proof = async (keys: CryptoKeyPair, fields: { htu?: string; nonce?: string; iat?: number } = {}) =>
    createDpopProof({
      privateKey: keys.privateKey,
      publicJwk: await exportJWK(keys.publicKey),
      alg: 'ES256',
      htm: 'POST',
      htu: fields.htu ?? TOKEN_URL,
      iat: fields.iat ?? Math.floor((NOW + 2_000) / 1000),
      ...(fields.nonce === undefined ? {} : { nonce: fields.nonce }),
    });
  const grant = (id: string, code: string) => ({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: id, code_verifier: VERIFIER });

  test('a proof without the nonce: 400 use_dpop_nonce with DPoP-Nonce, and the code is not spent; with it, a DPoP token bound to the key', async () => {
    const { id } = await client();
    const code = await codeFor(id);
    const keys = await keyPair();
    const redeemed = createMemoryStore({ now: () => NOW });
    const seen = createMemoryStore({ now: () => NOW });
    const first = await endpoint(post(grant(id, code), [['DPoP', await proof(keys)]]), redeemed, seen);
    expect(first.status).toBe(400);
    expect(JSON.parse(first.body)).toMatchObject({ error: 'use_dpop_nonce' });
    const nonce = first.headers.find(([name]) => name === 'DPoP-Nonce')?.[1] ?? '';
    expect(nonce).not.toBe('');
    const second = await endpoint(post(grant(id, code), [['DPoP', await proof(keys, { nonce })]]), redeemed, seen);
    expect(second.status).toBe(200);
    const body = JSON.parse(second.body) as { access_token: string; token_type: string };
    expect(body.token_type).toBe('DPoP');
    const check = await checkAccessToken(body.access_token, { secret, now: NOW + 3_000, issuer: ISSUER, resource: RESOURCE });
    expect(check).toMatchObject({ kind: 'valid', jkt: await jwkThumbprint(await exportJWK(keys.publicKey)) });
  });

  test.each([
    ['for another URL', { htu: 'https://lab.example/api/sandbox/oauth/authorize' }, 'htu'],
    ['from ten minutes ago', { iat: Math.floor(NOW / 1000) - 600 }, 'longer than the 60 s'],
  ])('a proof %s: 400 invalid_dpop_proof saying why', async (_name, fields, says) => {
    const { id } = await client();
    const keys = await keyPair();
    const first = await endpoint(post(grant(id, await codeFor(id)), [['DPoP', await proof(keys)]]));
    const nonce = first.headers.find(([name]) => name === 'DPoP-Nonce')?.[1] ?? '';
    const response = await endpoint(post(grant(id, await codeFor(id)), [['DPoP', await proof(keys, { ...fields, nonce })]]));
    expect(response.status).toBe(400);
    const error = JSON.parse(response.body) as { error: string; error_description: string };
    expect(error.error).toBe('invalid_dpop_proof');
    expect(error.error_description.toLowerCase()).toContain(says);
  });

  test('the same proof twice: the second is refused as a replay (RFC 9449 §11.1)', async () => {
    const { id } = await client();
    const keys = await keyPair();
    const seen = createMemoryStore({ now: () => NOW });
    const first = await endpoint(post(grant(id, await codeFor(id)), [['DPoP', await proof(keys)]]), undefined, seen);
    const nonce = first.headers.find(([name]) => name === 'DPoP-Nonce')?.[1] ?? '';
    const once = await proof(keys, { nonce });
    expect((await endpoint(post(grant(id, await codeFor(id)), [['DPoP', once]]), undefined, seen)).status).toBe(200);
    const again = await endpoint(post(grant(id, await codeFor(id)), [['DPoP', once]]), undefined, seen);
    expect(JSON.parse(again.body)).toMatchObject({ error: 'invalid_dpop_proof', error_description: expect.stringContaining('used before') });
  });
});
