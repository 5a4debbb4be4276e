// The chain's DPoP client side (RFC 9449): a key pair made in-process with WebCrypto, proofs signed with it,
// and what a refusal asking for a nonce looks like. The exchange runs on the server (Node's crypto.subtle)
// and, in component tests, in jsdom with Node's WebCrypto behind it; both have ECDSA P-256.
import { base64url, decodeJwt, decodeProtectedHeader, exportJWK, type CryptoKey, type JWK } from 'jose';
import { createDpopProof, getParam, jwkThumbprint, parseChallenges } from '@/lib/http-auth';
import type { SandboxContext } from '../../context';
import { firstHeader, headerValues, type SandboxResponse } from '../../message';
import { jsonBody } from './run-state';

export type DpopClient = { privateKey: CryptoKey; publicJwk: JWK; thumbprint: string };

/** An ES256 key pair for this run only; the private half cannot be exported (RFC 9449 §2: it never leaves the client). */
export async function newDpopClient(): Promise<DpopClient> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const publicJwk = await exportJWK(pair.publicKey);
  return { privateKey: pair.privateKey, publicJwk, thumbprint: await jwkThumbprint(publicJwk) };
}

/** A proof for one request (RFC 9449 §4.2): iat from the context's clock and jti from its randomness, so tests can fix both. */
export function proofFor(
  client: DpopClient,
  ctx: SandboxContext,
  request: { htm: string; htu: string },
  extra: { nonce?: string; accessToken?: string } = {},
): Promise<string> {
  return createDpopProof({
    privateKey: client.privateKey,
    publicJwk: client.publicJwk,
    alg: 'ES256',
    htm: request.htm,
    htu: request.htu,
    iat: Math.floor(ctx.now() / 1000),
    jti: base64url.encode(ctx.random(16)),
    ...extra,
  });
}

/** The proof decoded (not verified), for the step's explanation: what the server will check. */
export function describeProof(proof: string, thumbprint: string): string {
  const header = decodeProtectedHeader(proof);
  const claims = decodeJwt(proof);
  const shownClaims = Object.entries(claims)
    .map(([name, value]) => `${name}=${typeof value === 'string' ? `"${value}"` : String(value)}`)
    .join(', ');
  return `The DPoP proof sent, decoded: header typ="${String(header.typ)}", alg="${String(header.alg)}", jwk (the public key; its thumbprint is ${thumbprint}); claims ${shownClaims} (RFC 9449 §4.2).`;
}

/** The nonce a refusal asks for: the token endpoint's 400 use_dpop_nonce (§8) or a resource's 401 with DPoP error="use_dpop_nonce" (§9). */
export function nonceAskedFor(response: SandboxResponse, where: 'token' | 'resource'): string | undefined {
  const nonce = firstHeader(response.headers, 'DPoP-Nonce');
  if (nonce === undefined) return undefined;
  if (where === 'token') {
    const body = jsonBody(response) as { error?: unknown } | undefined;
    return response.status === 400 && body?.error === 'use_dpop_nonce' ? nonce : undefined;
  }
  if (response.status !== 401) return undefined;
  const parsed = parseChallenges(headerValues(response.headers, 'WWW-Authenticate'));
  const asks =
    parsed.ok && parsed.value.some((challenge) => challenge.scheme.toLowerCase() === 'dpop' && getParam(challenge.params, 'error') === 'use_dpop_nonce');
  return asks ? nonce : undefined;
}
