import { type CryptoKey, type JWK, compactVerify, decodeProtectedHeader, errors, importJWK } from 'jose';
import { dpopAlgProblem } from './algorithms';
import { privateMembers } from './proof-header';
import { type DpopProofCheck, type DpopProofCheckOptions, type DpopProofFailure, proofFailure } from './proof-result';
import { checkProofClaims } from './proof-claims';
import { jwkThumbprint } from './thumbprint';

// A compact JWS: three base64url parts (RFC 7515 §7.1), token68 as the DPoP field wants (§4.1). The signature
// may be empty so that an unsigned `alg: none` proof is refused for what it is (step 5), not as malformed.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Checks a DPoP proof as RFC 9449 §4.3 lists, except the replay check: remember the returned `jti` for as
 * long as a proof is accepted (§11.1), in whatever store the server has. The checks that need no key come
 * first, then the signature, then the claims (§4.3: "may be performed in any order").
 */
export async function checkDpopProof(proof: string, o: DpopProofCheckOptions): Promise<DpopProofCheck> {
  if (!COMPACT_JWS.test(proof)) {
    return proofFailure({ kind: 'malformed' }, 'The DPoP field is not one compact JWT, three base64url parts joined by dots (RFC 9449 §4.3 step 2).');
  }
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    return proofFailure({ kind: 'malformed' }, 'The proof’s header is not a base64url JSON object (RFC 9449 §4.3 step 2).');
  }
  const refused = checkHeader(header, o.allowedAlgs);
  if (refused) return refused;
  const alg = header.alg as string;
  const jwk = header.jwk as JWK;
  let key: CryptoKey | Uint8Array;
  try {
    key = await importJWK(jwk, alg);
  } catch {
    return proofFailure({ kind: 'jwk-invalid' }, `The header’s jwk is not a public key that ${alg} can verify with (RFC 9449 §4.3 step 6).`);
  }
  let payload: Uint8Array;
  try {
    payload = (await compactVerify(proof, key, { algorithms: [alg] })).payload;
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return proofFailure({ kind: 'bad-signature' }, 'The signature does not verify with the public key in the header’s jwk (RFC 9449 §4.3 step 6).');
    }
    return proofFailure({ kind: 'malformed' }, `The proof is not a JWS that can be verified: ${(error as Error).message} (RFC 9449 §4.3 step 2).`);
  }
  const jkt = await jwkThumbprint(jwk);
  return checkProofClaims(payload, { ...o, jwk, jkt, alg });
}

/** §4.3 steps 4, 5 and 7, and the jwk that step 6 needs: what the header alone decides. */
function checkHeader(header: Record<string, unknown>, allowedAlgs: readonly string[]): DpopProofFailure | undefined {
  const { typ, alg, jwk } = header;
  // RFC 7515 §4.1.9: typ is a media type, compared case-insensitively, with "application/" implied.
  if (typeof typ !== 'string' || !['dpop+jwt', 'application/dpop+jwt'].includes(typ.toLowerCase())) {
    return proofFailure(
      { kind: 'wrong-typ', typ },
      `typ is ${JSON.stringify(typ) ?? 'missing'}, not "dpop+jwt": this JWT is not typed as a DPoP proof (RFC 9449 §4.3 step 4).`,
    );
  }
  const algFailure = checkAlg(alg, allowedAlgs);
  if (algFailure) return algFailure;
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    return proofFailure({ kind: 'jwk-missing' }, 'The header has no jwk, the public key the signature is checked with (RFC 9449 §4.2, §4.3 step 6).');
  }
  const members = privateMembers(jwk as Record<string, unknown>);
  if (members.length > 0) {
    return proofFailure(
      { kind: 'jwk-private', members },
      `The header’s jwk holds private key material (${members.join(', ')}): a proof carries the public key only, and this key is no longer secret (RFC 9449 §4.3 step 7).`,
    );
  }
  return undefined;
}

function checkAlg(alg: unknown, allowedAlgs: readonly string[]): DpopProofFailure | undefined {
  if (typeof alg !== 'string') {
    return proofFailure({ kind: 'alg-not-allowed', alg, problem: 'unsupported' }, 'The header names no alg (RFC 9449 §4.2, §4.3 step 5).');
  }
  const problem = dpopAlgProblem(alg);
  switch (problem) {
    case 'none':
      return proofFailure({ kind: 'alg-not-allowed', alg, problem }, 'alg "none" means unsigned, and a proof must be signed (RFC 9449 §4.3 step 5, §11.6).');
    case 'mac':
      return proofFailure(
        { kind: 'alg-not-allowed', alg, problem },
        `alg "${alg}" is a MAC, whose key is a shared secret: it proves nothing about who holds a key (RFC 9449 §4.2, §4.3 step 5).`,
      );
    case 'unsupported':
      return proofFailure(
        { kind: 'alg-not-allowed', alg, problem },
        `alg "${alg}" is not an asymmetric signature algorithm this server supports (RFC 9449 §4.3 step 5).`,
      );
    case undefined:
      break;
    default: {
      const never: never = problem;
      return never;
    }
  }
  if (!allowedAlgs.includes(alg)) {
    return proofFailure(
      { kind: 'alg-not-allowed', alg, problem: 'policy' },
      `alg "${alg}" is not one this server accepts (${allowedAlgs.join(' ') || 'none listed'}) (RFC 9449 §4.3 step 5).`,
    );
  }
  return undefined;
}
