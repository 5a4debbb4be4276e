// A DPoP-bound token from the lab's own authorization server, got the way a browser client gets one, each
// request kept for the builder to show: register a public client (RFC 7591), open the authorization page
// with PKCE S256 and the resource (RFC 7636, RFC 8707), post the consent form back as the browser would,
// then the token request with a proof, which the token endpoint first answers with its nonce (RFC 9449 §8).
import { sha256 } from '@noble/hashes/sha2';
import { base64url, decodeJwt, type CryptoKey, type JWK } from 'jose';
import { AUTHORIZE_PATH, DPOP_PATH, OAUTH_TOKEN_PATH, REGISTER_PATH } from '@/lib/sandbox/oauth/lab-metadata';
import { draftProof, newJti, signProof } from '@/lib/playground/dpop/proof-draft';
import { answerField, sendToLab, type LabExchange } from './lab-exchange';

export type TokenFlowHop = { kind: 'register' | 'authorize-page' | 'consent' | 'token-first' | 'token-retry'; exchange: LabExchange };

export type TokenOutcome = { kind: 'token'; accessToken: string; claims: Record<string, unknown> } | { kind: 'stopped'; reason: string };

export type TokenFlowInput = {
  origin: string;
  key: { privateKey: CryptoKey; publicJwk: JWK };
  user: { username: string; password: string };
  /** Called with each request as soon as its answer is in, so the page shows progress. */
  onStep: (step: TokenFlowHop) => void;
};

const answered = (exchange: LabExchange) => (exchange.kind === 'answered' ? exchange.answer : undefined);

export async function getDpopToken({ origin, key, user, onStep }: TokenFlowInput): Promise<TokenOutcome> {
  const step = async (kind: TokenFlowHop['kind'], exchange: Promise<LabExchange>) => {
    const done = await exchange;
    onStep({ kind, exchange: done });
    return answered(done);
  };
  // The redirect URI is this page: https, or http on this machine (RFC 8252 §7.3), both registrable.
  const redirectUri = `${origin}/playground`;
  const registered = await step(
    'register',
    sendToLab({
      method: 'POST',
      url: `${origin}${REGISTER_PATH}`,
      fields: [['Content-Type', 'application/json']],
      body: JSON.stringify({ redirect_uris: [redirectUri], token_endpoint_auth_method: 'none', client_name: 'DPoP proof builder' }),
    }),
  );
  const clientId = registered?.status === 201 ? (JSON.parse(registered.body) as { client_id?: string }).client_id : undefined;
  if (clientId === undefined) return { kind: 'stopped', reason: 'The registration did not answer 201 with a client_id.' };

  const verifier = base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
  const resource = `${origin}${DPOP_PATH}`;
  const authorize = new URL(`${origin}${AUTHORIZE_PATH}`);
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'whoami',
    state: base64url.encode(crypto.getRandomValues(new Uint8Array(12))),
    resource,
    // RFC 7636 §4.2: S256 is base64url(SHA-256(ASCII(code_verifier))).
    code_challenge: base64url.encode(sha256(new TextEncoder().encode(verifier))),
    code_challenge_method: 'S256',
  }).toString();
  const page = await step('authorize-page', sendToLab({ method: 'GET', url: authorize.href, fields: [] }));
  if (page?.status !== 200) return { kind: 'stopped', reason: 'The authorization page did not open.' };

  // The consent form, read as the browser reads it: its hidden fields carry the authorization request.
  const html = new DOMParser().parseFromString(page.body, 'text/html');
  const form = new URLSearchParams();
  for (const input of html.querySelectorAll<HTMLInputElement>('form input[type=hidden]')) form.append(input.name, input.value);
  form.set('username', user.username);
  form.set('password', user.password);
  form.set('decision', 'allow');
  const consent = await step(
    'consent',
    sendToLab({
      method: 'POST',
      url: `${origin}${AUTHORIZE_PATH}`,
      fields: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: form.toString(),
      follow: true,
    }),
  );
  const code = consent?.landedAt === undefined ? null : new URL(consent.landedAt).searchParams.get('code');
  if (code === null) {
    const problem = consent === undefined ? undefined : new DOMParser().parseFromString(consent.body, 'text/html').querySelector('[role=alert]')?.textContent;
    return { kind: 'stopped', reason: problem ?? 'The consent form did not lead back with a code.' };
  }

  const tokenUrl = `${origin}${OAUTH_TOKEN_PATH}`;
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: verifier,
    resource,
  }).toString();
  const tokenRequest = async (nonce?: string) => {
    const draft = draftProof({
      publicJwk: key.publicJwk,
      htm: 'POST',
      htu: tokenUrl,
      iat: Math.floor(Date.now() / 1000),
      jti: newJti(),
      ...(nonce === undefined ? {} : { nonce }),
    });
    return sendToLab({
      method: 'POST',
      url: tokenUrl,
      fields: [
        ['Content-Type', 'application/x-www-form-urlencoded'],
        ['DPoP', await signProof(draft, key.privateKey)],
      ],
      body,
    });
  };
  const first = await step('token-first', tokenRequest());
  const nonce = first === undefined ? undefined : answerField(first, 'DPoP-Nonce');
  // §8: only a 400 use_dpop_nonce with a DPoP-Nonce is worth retrying; the code was not spent by it.
  const final = first?.status === 400 && nonce !== undefined ? await step('token-retry', tokenRequest(nonce)) : first;
  if (final?.status !== 200) return { kind: 'stopped', reason: 'The token endpoint did not issue a token.' };
  const accessToken = (JSON.parse(final.body) as { access_token?: string }).access_token;
  if (accessToken === undefined) return { kind: 'stopped', reason: 'The token response has no access_token.' };
  return { kind: 'token', accessToken, claims: decodeJwt(accessToken) };
}
