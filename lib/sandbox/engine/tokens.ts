import { decodeJwt, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { recallVerified, rememberVerified } from './verified-tokens';

// Bearer tokens the sandbox issues: JWTs (a token format, not an auth scheme: facts 20) signed with
// HS256 under SANDBOX_SECRET, so any instance with the same secret verifies any other's tokens.

export const TOKEN_ISSUER = 'http-auth-lab';
export const TOKEN_AUDIENCE = 'http-auth-lab-sandbox';

export type IssuedToken = { token: string; expiresIn: number; scope: string[] };

export async function issueToken(options: {
  subject: string;
  scope: string[];
  lifetimeSeconds: number;
  now: number;
  secret: Uint8Array;
}): Promise<IssuedToken> {
  const issuedAt = Math.floor(options.now / 1000);
  const token = await new SignJWT({ scope: options.scope.join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(options.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + options.lifetimeSeconds)
    .sign(options.secret);
  return { token, expiresIn: options.lifetimeSeconds, scope: options.scope };
}

export type TokenCheck =
  | { kind: 'valid'; subject: string; scope: string[]; expiresInSeconds: number }
  | { kind: 'expired'; expiredSecondsAgo: number }
  | { kind: 'bad-signature' }
  | { kind: 'wrong-audience' }
  | { kind: 'malformed' };

function validCheck(payload: JWTPayload, nowSeconds: number): TokenCheck {
  const scope = typeof payload.scope === 'string' && payload.scope !== '' ? payload.scope.split(' ') : [];
  return { kind: 'valid', subject: payload.sub ?? '', scope, expiresInSeconds: (payload.exp ?? nowSeconds) - nowSeconds };
}

export async function checkToken(token: string, options: { now: number; secret: Uint8Array }): Promise<TokenCheck> {
  const nowSeconds = Math.floor(options.now / 1000);
  // A token jose accepted before and that has not expired since (verified-tokens.ts).
  const recalled = recallVerified(token, options.secret, nowSeconds);
  if (recalled) return validCheck(recalled, nowSeconds);
  try {
    const { payload } = await jwtVerify(token, options.secret, {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      currentDate: new Date(options.now),
      clockTolerance: 0,
    });
    rememberVerified(token, options.secret, payload);
    return validCheck(payload, nowSeconds);
  } catch (error) {
    if (error instanceof errors.JWTExpired) {
      const exp = decodeJwt(token).exp ?? nowSeconds;
      return { kind: 'expired', expiredSecondsAgo: Math.max(0, nowSeconds - exp) };
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) return { kind: 'bad-signature' };
    if (error instanceof errors.JWTClaimValidationFailed && (error.claim === 'aud' || error.claim === 'iss')) return { kind: 'wrong-audience' };
    return { kind: 'malformed' };
  }
}
