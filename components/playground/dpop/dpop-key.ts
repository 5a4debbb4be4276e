// The learner's DPoP key (RFC 9449 §4.2), made by WebCrypto in the browser: ECDSA P-256 for ES256, the
// private half non-extractable, so no script (this page's included) can read it; only sign with it.
import { exportJWK, type CryptoKey, type JWK } from 'jose';
import { jwkThumbprint } from '@/lib/http-auth';

export type DpopKey = { privateKey: CryptoKey; publicJwk: JWK; jkt: string };

export async function generateDpopKey(): Promise<DpopKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const publicJwk = await exportJWK(pair.publicKey);
  // Only the members RFC 7638 §3.2 needs; WebCrypto adds key_ops and ext, which a proof's jwk need not carry.
  const { kty, crv, x, y } = publicJwk;
  const jwk: JWK = { kty, crv, x, y };
  return { privateKey: pair.privateKey, publicJwk: jwk, jkt: await jwkThumbprint(jwk) };
}
