// Authorization codes: what the consent step grants, sealed (signed-artifact.ts) for a minute, bound to
// the client, the redirect URI, the PKCE challenge and the resource (RFC 6749 §4.1.2, RFC 7636 §4.4,
// RFC 8707 §2.1), and redeemed at most once (RFC 6749 §4.1.2: a second use is refused).
import { sha256 } from '@noble/hashes/sha2';
import { base64url } from 'jose';
import { z } from 'zod';
import { encodeUtf8 } from '@/lib/http-auth/bytes/text';
import type { OAuthError, TokenErrorCode } from '@/lib/oauth/oauth-error';
import { checkCodeVerifier } from '@/lib/oauth/pkce';
import type { OnceStore } from '../store/store';
import { artifactId, openArtifact, sealArtifact } from './signed-artifact';

/** RFC 6749 §4.1.2 recommends at most ten minutes; a lab exchange needs one. */
export const CODE_LIFETIME_SECONDS = 60;

export type CodeGrant = {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  resource: string;
  scope: readonly string[];
  subject: string;
  /** How the user signed in (RFC 9470 §2), carried into the token. */
  acr: string;
  /** When, in seconds since the epoch (RFC 9068 §2.2.1 auth_time). */
  authTime: number;
};

/** Codes already redeemed, by jti, until they expire: the 'oauth-code' space of the sandbox's store. */
export type RedeemedCodes = Pick<OnceStore, 'claim'>;

const clientHash = (clientId: string) => base64url.encode(sha256(encodeUtf8(clientId)));

export async function issueCode(grant: CodeGrant, options: { secret: Uint8Array; now: number; random: (length: number) => Uint8Array }): Promise<string> {
  return sealArtifact(
    'code',
    {
      jti: artifactId(options.random),
      // The client id is the whole signed registration: a hash of it binds the code as well and keeps it short.
      cid: clientHash(grant.clientId),
      redirect_uri: grant.redirectUri,
      code_challenge: grant.codeChallenge,
      resource: grant.resource,
      scope: grant.scope.join(' '),
      sub: grant.subject,
      acr: grant.acr,
      auth_time: grant.authTime,
    },
    { ...options, lifetimeSeconds: CODE_LIFETIME_SECONDS },
  );
}

const codeClaims = z.object({
  jti: z.string(),
  cid: z.string(),
  redirect_uri: z.string(),
  code_challenge: z.string(),
  resource: z.string(),
  scope: z.string(),
  sub: z.string(),
  acr: z.string(),
  auth_time: z.number(),
  exp: z.number(),
});

export type TokenRequestForCode = {
  code: string;
  clientId: string;
  redirectUri: string | undefined;
  codeVerifier: string | undefined;
  resource: string | undefined;
};

export type Redeemed =
  | { kind: 'redeemed'; subject: string; resource: string; scope: string[]; acr: string; authTime: number }
  | { kind: 'refused'; error: OAuthError<TokenErrorCode> };

const refused = (error: TokenErrorCode, description: string): Redeemed => ({ kind: 'refused', error: { error, description } });

/**
 * RFC 6749 §4.1.3 with RFC 7636 §4.6 and RFC 8707 §2.2: the code is this server's, unexpired and unused,
 * issued to this client for this redirect URI; the verifier matches the challenge; a resource, if sent,
 * is the one the code was granted for. The code is spent even when a later check fails: a code that
 * leaked to an attacker must not be retried until it works.
 */
export async function redeemCode(request: TokenRequestForCode, options: { secret: Uint8Array; now: number; redeemed: RedeemedCodes }): Promise<Redeemed> {
  const opened = await openArtifact('code', request.code, options);
  if (opened.kind === 'expired')
    return refused('invalid_grant', `The authorization code has expired (codes last ${CODE_LIFETIME_SECONDS} s here); start the authorization again.`);
  const claims = opened.kind === 'ok' ? codeClaims.safeParse(opened.claims) : undefined;
  if (!claims?.success) return refused('invalid_grant', 'This is not an authorization code this server issued.');
  const code = claims.data;
  if (!(await options.redeemed.claim('oauth-code', code.jti, code.exp * 1000)))
    return refused('invalid_grant', 'This authorization code was already used: a code is good for one token request (RFC 6749 §4.1.2).');
  if (code.cid !== clientHash(request.clientId)) return refused('invalid_grant', 'The code was issued to another client.');
  if (request.redirectUri !== code.redirect_uri) {
    return refused('invalid_grant', `redirect_uri must be the one the authorization request used, ${code.redirect_uri} (RFC 6749 §4.1.3).`);
  }
  const verifier = checkCodeVerifier(request.codeVerifier, code.code_challenge);
  switch (verifier.kind) {
    case 'ok':
      break;
    case 'missing':
      return refused(
        'invalid_grant',
        'code_verifier is missing: the authorization request sent a code_challenge, so the token request must send its verifier (RFC 7636 §4.5).',
      );
    case 'invalid':
      return refused('invalid_request', 'code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~" (RFC 7636 §4.1).');
    case 'mismatch':
      return refused('invalid_grant', 'code_verifier does not match the code_challenge: BASE64URL(SHA256(code_verifier)) must equal it (RFC 7636 §4.6).');
    default: {
      const never: never = verifier;
      return never;
    }
  }
  if (request.resource !== undefined && request.resource !== code.resource) {
    return refused('invalid_target', `The code was granted for the resource ${code.resource}, not ${request.resource} (RFC 8707 §2.2).`);
  }
  return {
    kind: 'redeemed',
    subject: code.sub,
    resource: code.resource,
    scope: code.scope === '' ? [] : code.scope.split(' '),
    acr: code.acr,
    authTime: code.auth_time,
  };
}
