// An access token from the lab's own authorization server, got the way a public client gets one: register
// (RFC 7591), ask for authorization with PKCE S256 and a resource (RFC 7636, RFC 8707), sign in on the
// consent page as a browser would, exchange the code. For tests that need a valid token for a resource.
import { createHash, randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { createDpopProof } from '@/lib/http-auth';
import { submitConsent } from './consent-form';
import { fetchRetryingOnce } from './fetch-retry';
import { baseUrl } from './lab';

const REDIRECT = 'http://127.0.0.1:49153/callback';

/** A key a DPoP client proves possession of (RFC 9449 §4.2). */
export type DpopKey = { privateKey: CryptoKey; publicJwk: JWK };

export async function dpopKey(): Promise<DpopKey> {
  const pair = await generateKeyPair('ES256', { extractable: true });
  return { privateKey: pair.privateKey, publicJwk: await exportJWK(pair.publicKey) };
}

/**
 * The token for `resourcePath`; with `dpop`, bound to that key (RFC 9449 §5), after the token endpoint's
 * nonce round trip (§8).
 */
export async function labAccessToken(
  resourcePath: string,
  scope: string,
  user = { username: 'alice', password: 'wonderland' },
  dpop?: DpopKey,
): Promise<string> {
  const at = (path: string) => new URL(path, baseUrl());
  const registered = await fetchRetryingOnce(at('/api/sandbox/oauth/register'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none', client_name: 'a test' }),
  });
  if (registered.status !== 201) throw new Error(`registration answered ${registered.status}`);
  const { client_id: clientId } = (await registered.json()) as { client_id: string };
  const verifier = randomBytes(32).toString('base64url');
  const resource = at(resourcePath).href;
  const authorize = at('/api/sandbox/oauth/authorize');
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope,
    state: 'lab-token',
    resource,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }))
    authorize.searchParams.set(name, value);
  const page = await fetchRetryingOnce(authorize, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`the authorization endpoint answered ${page.status}`);
  const back = await submitConsent(at('/api/sandbox/oauth/authorize'), await page.text(), { ...user, decision: 'allow' });
  const code = new URL(back.headers.get('location') ?? '', baseUrl()).searchParams.get('code');
  if (!code) throw new Error(`the consent form answered ${back.status} without a code`);
  const tokenUrl = at('/api/sandbox/oauth/token');
  const body = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: clientId, code_verifier: verifier, resource });
  const proof = async (nonce?: string): Promise<Record<string, string>> =>
    dpop ? { DPoP: await createDpopProof({ ...dpop, alg: 'ES256', htm: 'POST', htu: tokenUrl.href, ...(nonce === undefined ? {} : { nonce }) }) } : {};
  let token = await fetchRetryingOnce(tokenUrl, { method: 'POST', headers: await proof(), body });
  const nonce = token.headers.get('dpop-nonce');
  if (dpop && token.status === 400 && nonce !== null) token = await fetchRetryingOnce(tokenUrl, { method: 'POST', headers: await proof(nonce), body });
  if (token.status !== 200) throw new Error(`the token endpoint answered ${token.status}: ${await token.text()}`);
  return ((await token.json()) as { access_token: string }).access_token;
}
