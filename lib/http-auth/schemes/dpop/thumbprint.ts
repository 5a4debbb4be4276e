import { sha256 } from '@noble/hashes/sha2';
import { type JWK, base64url, calculateJwkThumbprint } from 'jose';
import { encodeUtf8 } from '../../bytes/text';

/**
 * RFC 9449 §6.1: `cnf.jkt` is the base64url JWK SHA-256 thumbprint (RFC 7638 §3) of the proof's public key:
 * SHA-256 over the key's required members only, in lexicographic order, without white space.
 */
export function jwkThumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint(jwk, 'sha256');
}

/**
 * RFC 9449 §4.2: `ath` is base64url (RFC 7515 §2, no padding) of SHA-256 over the ASCII access token. An
 * access token is a token68 (§7.1), so its UTF-8 and ASCII bytes are the same.
 */
export function accessTokenHash(accessToken: string): string {
  return base64url.encode(sha256(encodeUtf8(accessToken)));
}
