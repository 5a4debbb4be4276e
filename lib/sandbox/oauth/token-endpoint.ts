// The lab authorization server's token endpoint: the authorization code grant (RFC 6749 §4.1.3) with
// PKCE (RFC 7636 §4.5) and resource indicators (RFC 8707 §2.2), answering with an RFC 9068 access token,
// bound to the client's key when the request carries a DPoP proof (RFC 9449 §5).
// Errors are RFC 6749 §5.2's application/json bodies, not problem details: here the lab is an OAuth
// server, and OAuth clients (oauth4webapi among them) read exactly that format.
import { basicChallenge, constantTimeEqualText, decodeBasicCredentials, formatChallenge } from '@/lib/http-auth';
import { oauthErrorBody, type TokenErrorCode } from '@/lib/oauth/oauth-error';
import { firstHeader, headerValues, type HeaderList, type SandboxRequest, type SandboxResponse } from '../message';
import { issueAccessToken } from './access-token';
import { redeemCode, type RedeemedCodes } from './authorization-code';
import { clientSecretFor, registeredClient, type RegisteredClient } from './client-registration';
import { checkProofAtLab, dpopNonceField, type SeenProofs } from './dpop-proof';

export const ACCESS_TOKEN_LIFETIME_SECONDS = 300;

// RFC 6749 §5.1: token responses (and their errors) must not be cached.
const NO_STORE: HeaderList = [
  ['Content-Type', 'application/json'],
  ['Cache-Control', 'no-store'],
];

function tokenError(status: 400 | 401, error: TokenErrorCode, description: string, challenge = false, extra: HeaderList = []): SandboxResponse {
  // RFC 6749 §5.2: invalid_client after Basic authentication is a 401 with a challenge.
  const headers: HeaderList = challenge ? [...NO_STORE, ['WWW-Authenticate', formatChallenge(basicChallenge({ realm: 'oauth', charset: 'UTF-8' }))]] : NO_STORE;
  return { status, headers: [...headers, ...extra], body: JSON.stringify(oauthErrorBody({ error, description })) };
}

type DpopBinding = { kind: 'bearer' } | { kind: 'bound'; jkt: string } | { kind: 'error'; response: SandboxResponse };

/**
 * RFC 9449 §5: a token request with a DPoP proof gets a token bound to the proof's key. The lab's token
 * endpoint always wants its own nonce in the proof (§8), so a client meets the nonce round trip once; the
 * check comes before the code is redeemed, so that round trip does not spend the code.
 */
async function dpopBinding(request: SandboxRequest, options: TokenEndpointOptions): Promise<DpopBinding> {
  if (!request.headers.some(([name]) => name.toLowerCase() === 'dpop')) return { kind: 'bearer' };
  const checked = await checkProofAtLab(request.headers, {
    method: 'POST',
    url: options.tokenEndpointUrl,
    secret: options.secret,
    now: options.now,
    seen: options.seenProofs,
    nonce: 'token-endpoint',
  });
  switch (checked.kind) {
    case 'valid':
      return { kind: 'bound', jkt: checked.proof.jkt };
    case 'use-nonce':
      return {
        kind: 'error',
        response: tokenError(400, 'use_dpop_nonce', checked.description, false, await dpopNonceField('token-endpoint', options)),
      };
    case 'invalid':
      return { kind: 'error', response: tokenError(400, 'invalid_dpop_proof', checked.description) };
    default: {
      const never: never = checked;
      return never;
    }
  }
}

type ClientCheck = { kind: 'client'; client: RegisteredClient } | { kind: 'error'; response: SandboxResponse };

/** RFC 6749 §2.3 and §3.2.1: who the client is, authenticated as it registered (RFC 7591 token_endpoint_auth_method). */
async function authenticateClient(request: SandboxRequest, form: URLSearchParams, options: { secret: Uint8Array; now: number }): Promise<ClientCheck> {
  const authorization = headerValues(request.headers, 'Authorization');
  let basic: { id: string; secret: string } | undefined;
  if (authorization.length > 1) return { kind: 'error', response: tokenError(400, 'invalid_request', 'Send one Authorization field.') };
  if (authorization[0] !== undefined) {
    const decoded = decodeBasicCredentials(authorization[0]);
    if (!decoded.ok) return { kind: 'error', response: tokenError(401, 'invalid_client', `Client authentication failed: ${decoded.error.message}`, true) };
    try {
      // RFC 6749 §2.3.1: form-urlencoded before Basic.
      basic = { id: decodeURIComponent(decoded.value.userId.replaceAll('+', ' ')), secret: decodeURIComponent(decoded.value.password.replaceAll('+', ' ')) };
    } catch {
      return {
        kind: 'error',
        response: tokenError(401, 'invalid_client', 'The client id and secret must be form-urlencoded before Basic encodes them (RFC 6749 §2.3.1).', true),
      };
    }
  }
  const formId = form.get('client_id') ?? undefined;
  const clientId = basic?.id ?? formId;
  if (basic && formId !== undefined && formId !== basic.id)
    return { kind: 'error', response: tokenError(400, 'invalid_request', 'client_id in the body differs from the one in Authorization.') };
  if (clientId === undefined)
    return { kind: 'error', response: tokenError(401, 'invalid_client', 'client_id is missing: a public client sends it in the body (RFC 6749 §4.1.3).') };
  const client = await registeredClient(clientId, options);
  if (!client)
    return {
      kind: 'error',
      response: tokenError(401, 'invalid_client', 'client_id names no client this server registered; register again (RFC 7591).', basic !== undefined),
    };
  const formSecret = form.get('client_secret') ?? undefined;
  if (basic && formSecret !== undefined)
    return { kind: 'error', response: tokenError(400, 'invalid_request', 'Authenticate the client one way only (RFC 6749 §2.3).') };
  const presented = basic?.secret ?? formSecret;
  const method = client.tokenEndpointAuthMethod;
  if (method === 'none') {
    if (presented !== undefined)
      return {
        kind: 'error',
        response: tokenError(
          401,
          'invalid_client',
          'This client registered as public (token_endpoint_auth_method=none): it has no secret to send.',
          basic !== undefined,
        ),
      };
    return { kind: 'client', client };
  }
  const expected = await clientSecretFor(client.clientId, options.secret);
  const rightWay = method === 'client_secret_basic' ? basic !== undefined : formSecret !== undefined;
  if (presented === undefined || !rightWay) {
    return {
      kind: 'error',
      response: tokenError(401, 'invalid_client', `This client registered ${method}: authenticate that way.`, method === 'client_secret_basic'),
    };
  }
  if (!constantTimeEqualText(expected, presented))
    return { kind: 'error', response: tokenError(401, 'invalid_client', 'Wrong client secret.', basic !== undefined) };
  return { kind: 'client', client };
}

const PARAMETERS = ['grant_type', 'code', 'redirect_uri', 'client_id', 'client_secret', 'code_verifier', 'resource'];

export type TokenEndpointOptions = {
  secret: Uint8Array;
  now: number;
  random: (length: number) => Uint8Array;
  issuer: string;
  redeemed: RedeemedCodes;
  /** The token endpoint's URL as clients reach it: a DPoP proof's htu names it (RFC 9449 §4.3 step 9). */
  tokenEndpointUrl: string;
  seenProofs: SeenProofs;
};

/** Called for POST only (the route table answers other methods). */
export async function oauthTokenEndpoint(request: SandboxRequest, options: TokenEndpointOptions): Promise<SandboxResponse> {
  const contentType = firstHeader(request.headers, 'Content-Type')?.split(';')[0]?.trim().toLowerCase();
  if (contentType !== 'application/x-www-form-urlencoded')
    return tokenError(400, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded (RFC 6749 §4.1.3).');
  const form = new URLSearchParams(new TextDecoder().decode(request.body));
  const repeated = PARAMETERS.filter((name) => form.getAll(name).length > 1);
  if (repeated.length > 0) return tokenError(400, 'invalid_request', `${repeated.join(', ')} appear more than once (RFC 6749 §3.2).`);
  const grant = form.get('grant_type');
  if (grant === null) return tokenError(400, 'invalid_request', 'grant_type is missing; use authorization_code.');
  if (grant !== 'authorization_code') return tokenError(400, 'unsupported_grant_type', `grant_type ${grant} is not offered here; use authorization_code.`);
  const client = await authenticateClient(request, form, options);
  if (client.kind === 'error') return client.response;
  const code = form.get('code');
  if (code === null || code === '') return tokenError(400, 'invalid_request', 'code is missing (RFC 6749 §4.1.3).');
  const binding = await dpopBinding(request, options);
  if (binding.kind === 'error') return binding.response;
  const redeemed = await redeemCode(
    {
      code,
      clientId: client.client.clientId,
      redirectUri: form.get('redirect_uri') ?? undefined,
      codeVerifier: form.get('code_verifier') ?? undefined,
      resource: form.get('resource') ?? undefined,
    },
    options,
  );
  if (redeemed.kind === 'refused') return tokenError(400, redeemed.error.error, redeemed.error.description);
  const accessToken = await issueAccessToken(
    {
      issuer: options.issuer,
      resource: redeemed.resource,
      subject: redeemed.subject,
      clientId: client.client.clientId,
      scope: redeemed.scope,
      lifetimeSeconds: ACCESS_TOKEN_LIFETIME_SECONDS,
      acr: redeemed.acr,
      authTime: redeemed.authTime,
      ...(binding.kind === 'bound' ? { jkt: binding.jkt } : {}),
    },
    options,
  );
  // RFC 6749 §5.1; scope is echoed since a client may not have asked for exactly what it got.
  return {
    status: 200,
    headers: NO_STORE,
    // RFC 9449 §5: token_type DPoP for a bound token, so the client knows to send proofs with it.
    body: JSON.stringify({
      access_token: accessToken,
      token_type: binding.kind === 'bound' ? 'DPoP' : 'Bearer',
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      scope: redeemed.scope.join(' '),
    }),
  };
}
