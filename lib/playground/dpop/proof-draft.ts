// A DPoP proof laid out before it is signed (RFC 9449 §4.2), so the proof builder can show the header and
// the claims first and then sign exactly what it showed. Built with jose's CompactSign rather than
// createDpopProof, because the builder also signs what createDpopProof rightly refuses (a wrong typ, a
// swapped jwk) to let the learner see the server refuse it.
import { CompactSign, base64url, type CryptoKey, type JWK } from 'jose';
import { accessTokenHash } from '@/lib/http-auth';

/** The JOSE header of a proof: typ dpop+jwt, an asymmetric alg, the public key (§4.2). */
export type ProofHeader = { typ: string; alg: string; jwk: JWK };

/** The proof's claims: jti, htm, htu, iat always; ath with an access token, nonce once the server gave one (§4.2). */
export type ProofClaims = { jti: string; htm: string; htu: string; iat: number; ath?: string; nonce?: string };

export type ProofDraft = { header: ProofHeader; claims: ProofClaims };

/** 128 random bits, base64url: unique per proof, as §4.2 and §11.1 want. */
export function newJti(): string {
  return base64url.encode(crypto.getRandomValues(new Uint8Array(16)));
}

export type DraftInput = {
  publicJwk: JWK;
  htm: string;
  htu: string;
  /** Seconds since the epoch. */
  iat: number;
  jti: string;
  accessToken?: string;
  nonce?: string;
};

/** The proof a well-behaved client sends for this request. */
export function draftProof(input: DraftInput): ProofDraft {
  const claims: ProofClaims = { jti: input.jti, htm: input.htm, htu: input.htu, iat: input.iat };
  if (input.accessToken !== undefined) claims.ath = accessTokenHash(input.accessToken);
  if (input.nonce !== undefined) claims.nonce = input.nonce;
  return { header: { typ: 'dpop+jwt', alg: 'ES256', jwk: input.publicJwk }, claims };
}

/** The compact JWS of `draft`, signed with `privateKey` (RFC 7515 §7.1). */
export async function signProof(draft: ProofDraft, privateKey: CryptoKey): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(draft.claims))).setProtectedHeader(draft.header).sign(privateKey);
}

/** An "unsecured" JWS (RFC 7515 §A.5): alg none and an empty signature, which §4.2 forbids for a proof. */
export function unsignedProof(draft: ProofDraft): string {
  const part = (value: unknown) => base64url.encode(JSON.stringify(value));
  return `${part({ ...draft.header, alg: 'none' })}.${part(draft.claims)}.`;
}

/**
 * `proof` with one character of its signature changed. A middle character, since the last one of a
 * base64url segment may carry only padding bits that decoding ignores.
 */
export function alterSignature(proof: string): string {
  const dot = proof.lastIndexOf('.');
  const signature = proof.slice(dot + 1);
  const at = Math.floor(signature.length / 2);
  const swapped = signature[at] === 'A' ? 'B' : 'A';
  return `${proof.slice(0, dot + 1)}${signature.slice(0, at)}${swapped}${signature.slice(at + 1)}`;
}

/** The header and claims of a compact JWS, for showing what was sent; undefined when they are not JSON. */
export function readProof(proof: string): { header: unknown; claims: unknown } | undefined {
  const [header, claims] = proof.split('.');
  try {
    const decode = (part: string | undefined) => JSON.parse(new TextDecoder().decode(base64url.decode(part ?? ''))) as unknown;
    return { header: decode(header), claims: decode(claims) };
  } catch {
    return undefined;
  }
}
