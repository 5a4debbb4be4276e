// What the lab's authorization server hands out and must recognise later, without a database: client
// ids, authorization codes and DPoP nonces are compact JWS (HS256 under SANDBOX_SECRET) with a typ of their own, so
// one kind can never be passed off as another, and any instance with the secret reads any other's.
import { base64url, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';

export type ArtifactKind = 'client' | 'code' | 'dpop-nonce';

const TYPES: Record<ArtifactKind, string> = { client: 'lab-client+jwt', code: 'lab-code+jwt', 'dpop-nonce': 'lab-dpop-nonce+jwt' };

export async function sealArtifact(
  kind: ArtifactKind,
  claims: JWTPayload,
  options: { secret: Uint8Array; now: number; lifetimeSeconds?: number },
): Promise<string> {
  const issuedAt = Math.floor(options.now / 1000);
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: TYPES[kind] }).setIssuedAt(issuedAt);
  if (options.lifetimeSeconds !== undefined) jwt.setExpirationTime(issuedAt + options.lifetimeSeconds);
  return jwt.sign(options.secret);
}

export type OpenedArtifact = { kind: 'ok'; claims: JWTPayload } | { kind: 'expired' } | { kind: 'invalid' };

/** The claims of an artifact of `kind` this server issued, or why not (forged, another kind, expired). */
export async function openArtifact(kind: ArtifactKind, value: string, options: { secret: Uint8Array; now: number }): Promise<OpenedArtifact> {
  try {
    const { payload } = await jwtVerify(value, options.secret, {
      algorithms: ['HS256'],
      typ: TYPES[kind],
      currentDate: new Date(options.now),
      clockTolerance: 0,
    });
    return { kind: 'ok', claims: payload };
  } catch (error) {
    return error instanceof errors.JWTExpired ? { kind: 'expired' } : { kind: 'invalid' };
  }
}

/** A fresh id for a one-time artifact (an authorization code's jti). */
export function artifactId(random: (length: number) => Uint8Array): string {
  return base64url.encode(random(16));
}
