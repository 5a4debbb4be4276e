import type { JWK } from 'jose';
import type { DpopAlgProblem } from './algorithms';

/** The claims RFC 9449 §4.2 requires in every proof, and the two it requires in some (`ath`, `nonce`). */
export type DpopClaimName = 'jti' | 'htm' | 'htu' | 'iat' | 'ath' | 'nonce';

/** A proof that passed every check of RFC 9449 §4.3 but the replay check, which is the caller's (§11.1). */
export type DpopProofValid = {
  kind: 'valid';
  /** The public key the proof was signed with (§4.2), and its RFC 7638 thumbprint, what `cnf.jkt` holds (§6.1). */
  jwk: JWK;
  jkt: string;
  alg: string;
  /** For the caller's replay store (§11.1): remember `jti` for as long as a proof with this `iat` is accepted. */
  jti: string;
  iat: number;
  htm: string;
  htu: string;
  nonce?: string;
};

/** Why a proof is refused, one kind per check; `message` is a sentence that cites the step of RFC 9449 §4.3. */
export type DpopProofFailure = { message: string } & (
  | { kind: 'malformed' }
  | { kind: 'wrong-typ'; typ: unknown }
  | { kind: 'alg-not-allowed'; alg: unknown; problem: DpopAlgProblem | 'policy' }
  | { kind: 'jwk-missing' }
  | { kind: 'jwk-invalid' }
  | { kind: 'jwk-private'; members: readonly string[] }
  | { kind: 'bad-signature' }
  | { kind: 'missing-claim'; claim: DpopClaimName }
  | { kind: 'htm-mismatch'; htm: string; method: string }
  | { kind: 'htu-mismatch'; htu: string; url: string }
  | { kind: 'iat-too-old'; ageSeconds: number }
  | { kind: 'iat-in-future'; aheadSeconds: number }
  | { kind: 'nonce-missing' }
  | { kind: 'nonce-mismatch'; nonce: string }
  | { kind: 'ath-mismatch' }
  | { kind: 'jkt-mismatch'; jkt: string; expected: string }
);

export type DpopProofCheck = DpopProofValid | DpopProofFailure;

export type DpopProofCheckOptions = {
  /** The request the proof came with: its method, and its target URI as the server saw it (RFC 9449 §4.3 steps 8, 9). */
  method: string;
  url: string;
  /** The server's clock, milliseconds since the epoch. */
  now: number;
  /** The asymmetric algorithms this server accepts (§4.3 step 5), the same it lists in `algs` (§7.1). */
  allowedAlgs: readonly string[];
  /** How old a proof may be, in seconds (§11.1: "seconds or minutes"); 300 when left out. */
  maxAgeSeconds?: number;
  /** How far ahead of the server's clock `iat` may be, in seconds (§11.1, clock offsets); 60 when left out. */
  skewSeconds?: number;
  /**
   * The nonce the server gave in `DPoP-Nonce` (§4.3 step 10), or a test of one for servers that keep a
   * window of recent nonces or sign them (§8: "servers need to keep a window of recent nonces").
   */
  expectedNonce?: string | ((nonce: string) => boolean);
  /** At a protected resource: the access token sent with the proof, whose hash `ath` must be (§4.3 step 12). */
  accessToken?: string;
  /** At a protected resource: the token's `cnf.jkt`, the thumbprint of the key it is bound to (§4.3 step 12, §6.1). */
  expectedJkt?: string;
};

type FailureFields = DpopProofFailure extends infer F ? (F extends unknown ? Omit<F, 'message'> : never) : never;

/** Adds the sentence to a failure's fields. */
export function proofFailure(failure: FailureFields, message: string): DpopProofFailure {
  return { ...failure, message } as DpopProofFailure;
}
