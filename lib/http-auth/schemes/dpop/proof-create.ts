import { type CryptoKey, type JWK, SignJWT, base64url } from 'jose';
import { dpopAlgProblem } from './algorithms';
import { isDpopNonce } from './nonce';
import { privateMembers } from './proof-header';
import { accessTokenHash } from './thumbprint';

export type DpopProofInput = {
  /** The client's private key, and its public half as a JWK for the header (RFC 9449 §4.2). */
  privateKey: CryptoKey;
  publicJwk: JWK;
  alg: string;
  /** The request's method and target URI; query and fragment are dropped from htu (§4.2). */
  htm: string;
  htu: string;
  /** The last `DPoP-Nonce` the server sent (§8, §9). */
  nonce?: string;
  /** With a protected-resource request: the access token, whose hash becomes `ath` (§4.2, §7). */
  accessToken?: string;
  /** Seconds since the epoch; now when left out. */
  iat?: number;
  /** Unique per proof (§4.2, §11.1); 128 random bits, base64url, when left out. */
  jti?: string;
};

/**
 * A DPoP proof JWT (RFC 9449 §4.2): header typ "dpop+jwt", alg, the public jwk; claims jti, htm, htu,
 * iat, and ath and nonce when they apply. Throws TypeError where §4.2 says MUST NOT: `none` or a MAC
 * algorithm, a private key in the header, a nonce outside §8.1's syntax.
 */
export async function createDpopProof(input: DpopProofInput): Promise<string> {
  const problem = dpopAlgProblem(input.alg);
  if (problem === 'none' || problem === 'mac') {
    throw new TypeError(`A DPoP proof is signed with an asymmetric algorithm, not ${input.alg} (RFC 9449 §4.2).`);
  }
  const leaked = privateMembers(input.publicJwk);
  if (leaked.length > 0) throw new TypeError(`The header's jwk must not contain a private key (${leaked.join(', ')}; RFC 9449 §4.2).`);
  if (input.nonce !== undefined && !isDpopNonce(input.nonce)) throw new TypeError('A DPoP nonce is 1*NQCHAR (RFC 9449 §8.1).');
  const claims: Record<string, string> = {
    jti: input.jti ?? base64url.encode(crypto.getRandomValues(new Uint8Array(16))),
    htm: input.htm,
    htu: withoutQueryAndFragment(input.htu),
  };
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  if (input.accessToken !== undefined) claims.ath = accessTokenHash(input.accessToken);
  return new SignJWT(claims)
    .setProtectedHeader({ typ: 'dpop+jwt', alg: input.alg, jwk: input.publicJwk })
    .setIssuedAt(input.iat ?? Math.floor(Date.now() / 1000))
    .sign(input.privateKey);
}

/** RFC 9449 §4.2: htu is the target URI "without query and fragment parts". */
function withoutQueryAndFragment(uri: string): string {
  const end = uri.search(/[?#]/);
  return end === -1 ? uri : uri.slice(0, end);
}
