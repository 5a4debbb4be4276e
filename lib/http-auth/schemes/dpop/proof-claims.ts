import type { JWK } from 'jose';
import { constantTimeEqualText } from '../../bytes/constant-time';
import { decodeUtf8 } from '../../bytes/text';
import { htuMatches } from './htu';
import { type DpopClaimName, type DpopProofCheck, type DpopProofCheckOptions, type DpopProofFailure, proofFailure } from './proof-result';
import { accessTokenHash } from './thumbprint';

type Claims = Record<string, unknown>;
type Verified = DpopProofCheckOptions & { jwk: JWK; jkt: string; alg: string };

/** RFC 9449 §4.3 steps 3 and 8 to 12, on the claims of a proof whose signature has been verified. */
export function checkProofClaims(payload: Uint8Array, o: Verified): DpopProofCheck {
  let claims: unknown;
  try {
    claims = JSON.parse(decodeUtf8(payload));
  } catch {
    claims = undefined;
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    return proofFailure({ kind: 'malformed' }, 'The proof’s payload is not a JSON object of claims (RFC 9449 §4.3 step 2).');
  }
  const c = claims as Claims;
  const missing = missingClaim(c, o);
  if (missing) return proofFailure({ kind: 'missing-claim', claim: missing.claim }, missing.message);
  const { jti, htm, htu, iat } = c as { jti: string; htm: string; htu: string; iat: number };
  const refused = checkRequest(htm, htu, o) ?? checkNonce(c.nonce, o) ?? checkTime(iat, o) ?? checkBinding(c.ath, o);
  if (refused) return refused;
  const nonce = typeof c.nonce === 'string' ? c.nonce : undefined;
  return { kind: 'valid', jwk: o.jwk, jkt: o.jkt, alg: o.alg, jti, iat, htm, htu, ...(nonce === undefined ? {} : { nonce }) };
}

/** §4.3 step 3 (the claims §4.2 requires of every proof), and step 12's `ath` when an access token came along. */
function missingClaim(c: Claims, o: Verified): { claim: DpopClaimName; message: string } | undefined {
  for (const claim of ['jti', 'htm', 'htu'] as const) {
    if (typeof c[claim] !== 'string' || c[claim] === '') {
      return { claim, message: `The proof has no ${claim} string, which every proof carries (RFC 9449 §4.2, §4.3 step 3).` };
    }
  }
  if (typeof c.iat !== 'number' || !Number.isFinite(c.iat)) {
    return { claim: 'iat', message: 'The proof has no iat, its creation time in seconds (RFC 9449 §4.2, §4.3 step 3).' };
  }
  if (o.accessToken !== undefined && typeof c.ath !== 'string') {
    return { claim: 'ath', message: 'The proof came with an access token but has no ath, the token’s hash (RFC 9449 §4.2, §7, §4.3 step 12).' };
  }
  return undefined;
}

/** §4.3 steps 8 and 9: the method exactly (RFC 9110 §9.1: methods are case-sensitive), the URI normalized. */
function checkRequest(htm: string, htu: string, o: Verified): DpopProofFailure | undefined {
  if (htm !== o.method) {
    return proofFailure({ kind: 'htm-mismatch', htm, method: o.method }, `htm is "${htm}" but the request is a ${o.method} (RFC 9449 §4.3 step 8).`);
  }
  if (!htuMatches(htu, o.url)) {
    return proofFailure(
      { kind: 'htu-mismatch', htu, url: o.url },
      `htu is "${htu}" but the request went to "${o.url}", compared without query and fragment after RFC 3986 §6.2.2 and §6.2.3 normalization (RFC 9449 §4.3 step 9).`,
    );
  }
  return undefined;
}

/** §4.3 step 10: the nonce the server supplied (§8, §9), matched exactly ("does not exactly match", §8). */
function checkNonce(nonce: unknown, o: Verified): DpopProofFailure | undefined {
  if (o.expectedNonce === undefined) return undefined;
  if (typeof nonce !== 'string') {
    return proofFailure({ kind: 'nonce-missing' }, 'The server asked for a nonce (DPoP-Nonce) and the proof carries none (RFC 9449 §4.3 step 10, §8, §9).');
  }
  const ok = typeof o.expectedNonce === 'string' ? constantTimeEqualText(nonce, o.expectedNonce) : o.expectedNonce(nonce);
  if (!ok) {
    return proofFailure(
      { kind: 'nonce-mismatch', nonce },
      `nonce "${nonce}" is not the one this server supplied, or no longer a recent one (RFC 9449 §4.3 step 10, §8).`,
    );
  }
  return undefined;
}

/** §4.3 step 11 and §11.1: a proof is accepted for a short while after iat, and a little before it (clock offsets). */
function checkTime(iat: number, o: Verified): DpopProofFailure | undefined {
  const maxAge = o.maxAgeSeconds ?? 300;
  const skew = o.skewSeconds ?? 60;
  const age = o.now / 1000 - iat;
  if (age > maxAge) {
    const ageSeconds = Math.floor(age);
    return proofFailure(
      { kind: 'iat-too-old', ageSeconds },
      `The proof was made ${ageSeconds} s ago, longer than the ${maxAge} s this server accepts (RFC 9449 §4.3 step 11, §11.1).`,
    );
  }
  if (-age > skew) {
    const aheadSeconds = Math.ceil(-age);
    return proofFailure(
      { kind: 'iat-in-future', aheadSeconds },
      `The proof’s iat is ${aheadSeconds} s ahead of this server’s clock, more than the ${skew} s it allows for clock offsets (RFC 9449 §4.3 step 11, §11.1).`,
    );
  }
  return undefined;
}

/** §4.3 step 12: the proof is for this access token (ath) and made with the key the token is bound to (cnf.jkt). */
function checkBinding(ath: unknown, o: Verified): DpopProofFailure | undefined {
  if (o.accessToken !== undefined && !constantTimeEqualText(String(ath), accessTokenHash(o.accessToken))) {
    return proofFailure(
      { kind: 'ath-mismatch' },
      'ath is not the hash of the access token sent with the proof: the proof was made for another token (RFC 9449 §4.3 step 12, §7).',
    );
  }
  if (o.expectedJkt !== undefined && !constantTimeEqualText(o.jkt, o.expectedJkt)) {
    return proofFailure(
      { kind: 'jkt-mismatch', jkt: o.jkt, expected: o.expectedJkt },
      `The proof is signed with key ${o.jkt}, not the key the access token is bound to (cnf.jkt ${o.expectedJkt}) (RFC 9449 §4.3 step 12, §6.1).`,
    );
  }
  return undefined;
}
