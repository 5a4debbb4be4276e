// RFC 9449 §4.2 and §11.6: a DPoP proof is signed with an asymmetric JWS algorithm, never `none` and never a
// MAC (HS256 …), since the server must check it with the public key in the proof and nothing else.

/**
 * The asymmetric JWS algorithms (RFC 7518 §3.1, RFC 8037 §3.1, and RFC 9864's fully-specified Ed25519) that
 * `jose` checks with WebCrypto, in Node and in browsers alike; ES256 first, the one most clients send.
 */
export const DPOP_ALGORITHMS = ['ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512'] as const;

export type DpopAlgorithm = (typeof DPOP_ALGORITHMS)[number];

/** Why an `alg` cannot sign a DPoP proof: `none`, a MAC, or not an asymmetric algorithm this library knows. */
export type DpopAlgProblem = 'none' | 'mac' | 'unsupported';

// RFC 7518 §3.1: the MAC algorithms are HS256, HS384 and HS512; a symmetric key is shared, so it proves nothing.
const MAC = /^HS\d+$/;

export function dpopAlgProblem(alg: string): DpopAlgProblem | undefined {
  if (alg === 'none') return 'none';
  if (MAC.test(alg)) return 'mac';
  return isDpopAlgName(alg) ? undefined : 'unsupported';
}

export function isDpopAlgName(alg: string): alg is DpopAlgorithm {
  return (DPOP_ALGORITHMS as readonly string[]).includes(alg);
}
