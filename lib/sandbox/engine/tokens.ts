import { decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import { encodeBase64Url } from '@/lib/http-auth';
import { hmacSha256 } from '@/lib/http-auth/bytes/hashes';
import { recallVerified, rememberVerified } from './verified-tokens';

// Bearer tokens the sandbox issues: JWTs (a token format, not an auth scheme: facts 20) signed with
// HS256 under SANDBOX_SECRET, so any instance with the same secret verifies any other's tokens.

export const TOKEN_ISSUER = 'http-auth-lab';
export const TOKEN_AUDIENCE = 'http-auth-lab-sandbox';

export type IssuedToken = { token: string; expiresIn: number; scope: string[] };

/** RFC 7515 §4.1.1 and RFC 7519 §5.1: the one JOSE header every token carries, encoded once. */
const encoder = new TextEncoder();
const ENCODED_HEADER = encodeBase64Url(encoder.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));

/** Room for the claims and the signing input of any token the sandbox issues, reused by every call (single-threaded, never kept). */
const scratch = new Uint8Array(4096);

/**
 * The UTF-8 bytes of `text`, valid until the next call. Issue 23: a new array of a couple of hundred
 * bytes lives outside the JavaScript heap, and TextEncoder.encode's two per token cost more (~2 µs)
 * than encodeInto an array kept for the purpose. Text too long for it gets a new array.
 */
function utf8(text: string): Uint8Array {
  const { read, written } = encoder.encodeInto(text, scratch);
  return read === text.length ? scratch.subarray(0, written) : encoder.encode(text);
}

/**
 * Builds the JWS Compact Serialization by hand (RFC 7515 §7.1 and §5.1 steps 1–6; RFC 7519 §7.1):
 * BASE64URL(header) "." BASE64URL(claims) "." BASE64URL(HMAC-SHA-256(secret, the two joined)), with
 * HS256 as RFC 7518 §3.2 defines it. The same bytes jose's SignJWT writes for these claims in this
 * order (a test compares them), but the MAC comes from the process's hash backend (node:crypto on the
 * server, a few µs) instead of WebCrypto's (~90 µs on Node 20), which the token endpoint pays on every
 * grant (issue 23). jose still verifies every token, these included. Synchronous, unlike SignJWT: nothing
 * here waits, and an async function would cost the endpoint a promise and a hop per grant.
 */
export function issueToken(options: { subject: string; scope: string[]; lifetimeSeconds: number; now: number; secret: Uint8Array }): IssuedToken {
  const issuedAt = Math.floor(options.now / 1000);
  // RFC 7519 §2: NumericDate is a number; SignJWT refused anything else, and so does this.
  if (!Number.isFinite(issuedAt) || !Number.isFinite(options.lifetimeSeconds)) throw new TypeError('Token times must be finite numbers.');
  const claims = {
    scope: options.scope.join(' '),
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    sub: options.subject,
    iat: issuedAt,
    exp: issuedAt + options.lifetimeSeconds,
  };
  // RFC 7515 §5.1 step 2: the claims' UTF-8 bytes, base64url-encoded (lib/http-auth's encoder, about half
  // the cost of jose's btoa-based one: issue 23). Each use of utf8's bytes ends before the next call.
  const signingInput = `${ENCODED_HEADER}.${encodeBase64Url(utf8(JSON.stringify(claims)))}`;
  const signature = encodeBase64Url(hmacSha256(options.secret, utf8(signingInput)));
  return { token: `${signingInput}.${signature}`, expiresIn: options.lifetimeSeconds, scope: options.scope };
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
