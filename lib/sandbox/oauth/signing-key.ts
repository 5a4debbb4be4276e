// The key the lab's authorization server signs access tokens with, published at its jwks_uri. Derived
// from SANDBOX_SECRET, so every instance behind a load balancer signs with the same key and verifies the
// others' tokens, as Digest nonces already do (no shared store, no key file). Ed25519 (RFC 8037, "EdDSA"):
// its private key is 32 bytes that HKDF gives directly, where an RSA or P-256 key would need key
// generation or curve arithmetic from a seed. RFC 9068 §2.1 asks servers to support RS256; verifiers
// of the lab's tokens are the lab itself and JOSE libraries that read its JWKS, which all know EdDSA.
import { calculateJwkThumbprint, type JWK } from 'jose';

/** PKCS #8 for an Ed25519 private key, up to the 32-byte seed (RFC 8410 §7). */
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

export const ACCESS_TOKEN_ALG = 'EdDSA';

export type SigningKey = { privateKey: CryptoKey; publicKey: CryptoKey; publicJwk: JWK & { kid: string; alg: string; use: string } };

async function derive(secret: Uint8Array): Promise<SigningKey> {
  const material = await crypto.subtle.importKey('raw', new Uint8Array(secret), 'HKDF', false, ['deriveBits']);
  // A label of its own, so this key shares nothing with the secret's other uses (nonces, HS256 tokens).
  const seed = new Uint8Array(
    await crypto.subtle.deriveBits(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new TextEncoder().encode('http-auth-lab'),
        info: new TextEncoder().encode('authorization server access-token key'),
      },
      material,
      256,
    ),
  );
  const pkcs8 = new Uint8Array(PKCS8_PREFIX.length + seed.length);
  pkcs8.set(PKCS8_PREFIX);
  pkcs8.set(seed, PKCS8_PREFIX.length);
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, { name: 'Ed25519' }, true, ['sign']);
  const { kty, crv, x } = await crypto.subtle.exportKey('jwk', privateKey);
  const publicPart = { kty, crv, x } as JWK;
  const publicKey = await crypto.subtle.importKey('jwk', { kty, crv, x }, { name: 'Ed25519' }, true, ['verify']);
  // RFC 7638 thumbprint as the key id: the same key always has the same kid, on every instance.
  const kid = await calculateJwkThumbprint(publicPart);
  return { privateKey, publicKey, publicJwk: { ...publicPart, kid, alg: ACCESS_TOKEN_ALG, use: 'sig' } };
}

const keys = new WeakMap<Uint8Array, Promise<SigningKey>>();

/** The signing key for `secret`, derived once per secret. */
export function signingKey(secret: Uint8Array): Promise<SigningKey> {
  let key = keys.get(secret);
  if (!key) {
    key = derive(secret);
    keys.set(secret, key);
  }
  return key;
}

/** RFC 7517 §5: the JWK Set the jwks_uri serves (public members only). */
export async function jwks(secret: Uint8Array): Promise<{ keys: JWK[] }> {
  return { keys: [(await signingKey(secret)).publicJwk] };
}
