// Access tokens of the lab's authorization server: JWTs as RFC 9068 profiles them, bound to the one
// resource they were asked for (RFC 8707), so a token for one resource is refused by another: the
// point the MCP authorization specification makes, and the lesson after it.
import { base64url, decodeJwt, decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
import { ACCESS_TOKEN_ALG, signingKey } from './signing-key';

/** RFC 9068 §2.1: the header's typ, so an ID token or another JWT is never taken for an access token. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

export type AccessTokenGrant = {
  issuer: string;
  /** The resource the token is for (RFC 8707 §2), written as its aud (RFC 9068 §3). */
  resource: string;
  subject: string;
  clientId: string;
  scope: readonly string[];
  lifetimeSeconds: number;
  /** RFC 9068 §2.2.1: how and when the user signed in, which a step-up resource checks (RFC 9470 §3). */
  acr?: string;
  authTime?: number;
  /** RFC 9449 §6.1: the thumbprint of the key the token is bound to (cnf.jkt), for a DPoP token. */
  jkt?: string;
};

/** RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat and jti are required; scope per §2.2.3. */
export async function issueAccessToken(
  grant: AccessTokenGrant,
  options: { secret: Uint8Array; now: number; random: (length: number) => Uint8Array },
): Promise<string> {
  const key = await signingKey(options.secret);
  const issuedAt = Math.floor(options.now / 1000);
  const authentication = { ...(grant.acr === undefined ? {} : { acr: grant.acr }), ...(grant.authTime === undefined ? {} : { auth_time: grant.authTime }) };
  const confirmation = grant.jkt === undefined ? {} : { cnf: { jkt: grant.jkt } };
  return new SignJWT({ client_id: grant.clientId, scope: grant.scope.join(' '), ...authentication, ...confirmation })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, typ: ACCESS_TOKEN_TYPE, kid: key.publicJwk.kid })
    .setIssuer(grant.issuer)
    .setAudience(grant.resource)
    .setSubject(grant.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + grant.lifetimeSeconds)
    .setJti(base64url.encode(options.random(16)))
    .sign(key.privateKey);
}

export type AccessTokenCheck =
  | { kind: 'valid'; subject: string; clientId: string; scope: string[]; expiresInSeconds: number; acr?: string; authTime?: number; jkt?: string }
  | { kind: 'wrong-audience'; audience: string[] }
  | { kind: 'wrong-issuer'; issuer: string | undefined }
  | { kind: 'wrong-type'; type: string | undefined }
  | { kind: 'expired'; expiredSecondsAgo: number }
  | { kind: 'bad-signature' }
  | { kind: 'malformed' };

/**
 * RFC 9068 §4: the resource server's checks, each failure its own kind so the 401 can say which
 * (all of them are invalid_token, RFC 6750 §3.1). `resource` is this resource's identifier: a token
 * for any other audience is refused (RFC 8707 §2, the confused-deputy defence).
 */
export async function checkAccessToken(
  token: string,
  options: { secret: Uint8Array; now: number; issuer: string; resource: string },
): Promise<AccessTokenCheck> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(token);
    claims = decodeJwt(token);
  } catch {
    return { kind: 'malformed' };
  }
  // §4 step 1: typ first, so a lab token of another kind is named as such.
  if (header.typ?.toLowerCase() !== ACCESS_TOKEN_TYPE && header.typ?.toLowerCase() !== `application/${ACCESS_TOKEN_TYPE}`)
    return { kind: 'wrong-type', type: header.typ };
  const key = await signingKey(options.secret);
  const nowSeconds = Math.floor(options.now / 1000);
  try {
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: [ACCESS_TOKEN_ALG],
      currentDate: new Date(options.now),
      clockTolerance: 0,
    });
    if (payload.iss !== options.issuer) return { kind: 'wrong-issuer', issuer: payload.iss };
    const audience = typeof payload.aud === 'string' ? [payload.aud] : (payload.aud ?? []);
    if (!audience.includes(options.resource)) return { kind: 'wrong-audience', audience };
    const scope = typeof payload.scope === 'string' && payload.scope !== '' ? payload.scope.split(' ') : [];
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : '';
    const authentication = {
      ...(typeof payload.acr === 'string' ? { acr: payload.acr } : {}),
      ...(typeof payload.auth_time === 'number' ? { authTime: payload.auth_time } : {}),
      ...(boundKey(payload.cnf) === undefined ? {} : { jkt: boundKey(payload.cnf) }),
    };
    return { kind: 'valid', subject: payload.sub ?? '', clientId, scope, expiresInSeconds: (payload.exp ?? nowSeconds) - nowSeconds, ...authentication };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { kind: 'expired', expiredSecondsAgo: Math.max(0, nowSeconds - (claims.exp ?? nowSeconds)) };
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JOSEAlgNotAllowed) return { kind: 'bad-signature' };
    return { kind: 'malformed' };
  }
}

/** RFC 9449 §6.1: cnf.jkt, when the token is bound to a key. */
function boundKey(cnf: unknown): string | undefined {
  const jkt = typeof cnf === 'object' && cnf !== null ? (cnf as { jkt?: unknown }).jkt : undefined;
  return typeof jkt === 'string' ? jkt : undefined;
}
