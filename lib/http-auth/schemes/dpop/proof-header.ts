import type { JWK } from 'jose';

// RFC 7517 §9.2 and RFC 7518 §6: the members that make a JWK private (EC and OKP `d`; RSA `d`, `p`, `q`,
// `dp`, `dq`, `qi`, `oth`; a symmetric key's `k`, a secret by nature); `priv` is an AKP (ML-DSA) key's.
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k', 'priv'];

/** The private key members present in `jwk` (RFC 9449 §4.2: the header's jwk "MUST NOT contain a private key"). */
export function privateMembers(jwk: JWK | Record<string, unknown>): string[] {
  return PRIVATE_MEMBERS.filter((name) => Object.hasOwn(jwk, name));
}

/**
 * RFC 9449 §4.3 steps 1 and 2: the request's one `DPoP` header field, among fields held as [name, value]
 * pairs whose names compare case-insensitively (§4.1). A comma means several fields were combined into
 * one (RFC 9110 §5.3); a JWT never holds one.
 */
export type DpopHeaderField = { kind: 'none' } | { kind: 'one'; proof: string } | { kind: 'several'; count: number };

export function readDpopHeader(headers: ReadonlyArray<readonly [string, string]>): DpopHeaderField {
  const values = headers.filter(([name]) => name.toLowerCase() === 'dpop').flatMap(([, value]) => value.split(','));
  if (values.length === 0) return { kind: 'none' };
  const [only] = values;
  return values.length === 1 && only !== undefined ? { kind: 'one', proof: only.trim() } : { kind: 'several', count: values.length };
}
