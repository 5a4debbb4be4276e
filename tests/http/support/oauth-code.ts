// A fresh OAuth authorization code from the lab, as a public client with PKCE gets one (register, authorize,
// consent as alice), and its redemption at the token endpoint: the one use the shared store checks.
import { createHash, randomBytes } from 'node:crypto';
import { request } from '../../../bench/support/sandbox-client.mjs';
import { WHOAMI_RESOURCE } from '@/lib/sandbox/oauth/lab-metadata';
import { submitConsent } from './consent-form';

const REDIRECT = 'http://127.0.0.1:49153/callback';

/** A fresh authorization code from `baseUrl`'s OAuth server, as a public client with PKCE gets one. */
export async function authorizationCode(baseUrl: string) {
  const at = (path: string) => new URL(path, baseUrl);
  const registered = await fetch(at('/api/sandbox/oauth/register'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ redirect_uris: [REDIRECT], token_endpoint_auth_method: 'none', client_name: 'two instances' }),
  });
  expect(registered.status).toBe(201);
  const { client_id: clientId } = (await registered.json()) as { client_id: string };
  const verifier = randomBytes(32).toString('base64url');
  const authorize = at('/api/sandbox/oauth/authorize');
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope: WHOAMI_RESOURCE.scope,
    resource: at(WHOAMI_RESOURCE.path).href,
    state: 'two-instances',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const page = await fetch(authorize, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const back = await submitConsent(at('/api/sandbox/oauth/authorize'), await page.text(), { username: 'alice', password: 'wonderland', decision: 'allow' });
  const code = new URL(back.headers.get('location') ?? '', baseUrl).searchParams.get('code');
  if (!code) throw new Error(`the consent form answered ${back.status} without a code`);
  return new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: clientId, code_verifier: verifier }).toString();
}

export const redeem = (baseUrl: string, form: string) =>
  request(new URL('/api/sandbox/oauth/token', baseUrl), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form });
