// The DPoP scheme (RFC 9449): challenges and credentials (§7.1), proofs built and checked (§4.2, §4.3),
// JWK thumbprints for cnf.jkt (§6.1), nonces (§8.1).
export { DPOP_ALGORITHMS, type DpopAlgorithm, type DpopAlgProblem, dpopAlgProblem } from './algorithms';
export { DPOP_ERROR_CODES, type DpopChallengeOptions, type DpopErrorCode, dpopChallenge, dpopErrorStatus } from './challenge';
export { type DpopRejection, dpopRejection } from './rejection';
export { readDpopToken } from './token';
export { isDpopNonce } from './nonce';
export { htuMatches, normalizeHtu } from './htu';
export { accessTokenHash, jwkThumbprint } from './thumbprint';
export { type DpopHeaderField, privateMembers, readDpopHeader } from './proof-header';
export { type DpopProofInput, createDpopProof } from './proof-create';
export { checkDpopProof } from './proof-check';
export { type DpopClaimName, type DpopProofCheck, type DpopProofCheckOptions, type DpopProofFailure, type DpopProofValid } from './proof-result';
