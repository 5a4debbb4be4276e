import { type Challenge, dpopAlgProblem, getParam } from '@/lib/http-auth';
import { stepUpAdvice } from './oauth-challenges';

// What a client holding an OAuth token does next, where the library's client choice (Basic, Bearer,
// Digest) cannot say it: a DPoP challenge (RFC 9449 §7.1), its nonce (§9), and a step-up (RFC 9470 §4).

const isOAuth = (c: Challenge) => ['bearer', 'dpop'].includes(c.scheme.toLowerCase());
const errorOf = (c: Challenge) => getParam(c.params, 'error');

/** Notes to put first: what the error codes ask a token holder to do before any retry. */
export function oauthLeadNotes(challenges: readonly Challenge[]): string[] {
  const notes: string[] = [];
  const stepUp = challenges.find((c) => isOAuth(c) && errorOf(c) === 'insufficient_user_authentication');
  if (stepUp) notes.push(`The ${stepUp.scheme} challenge asks for a stronger or more recent sign-in, not for the same token again. ${stepUpAdvice(stepUp)}`);
  const nonce = challenges.find((c) => c.scheme.toLowerCase() === 'dpop' && errorOf(c) === 'use_dpop_nonce');
  if (nonce) {
    notes.push(
      'The DPoP challenge says use_dpop_nonce: the retry carries a new proof whose nonce claim is this response’s DPoP-Nonce value (RFC 9449 §9), and later proofs to this resource keep using it until the server sends another (RFC 9449 §8.2).',
    );
  }
  return notes;
}

/** A note on how a DPoP challenge is answered, which the library's client choice does not do. */
export function dpopAnswerNote(challenges: readonly Challenge[]): string[] {
  const dpop = challenges.find((c) => c.scheme.toLowerCase() === 'dpop');
  if (!dpop) return [];
  // Only what a proof may use: a challenge that also lists none or a MAC is flagged by the library's lint.
  const algs = (getParam(dpop.params, 'algs') ?? '').split(' ').filter((alg) => alg !== '' && dpopAlgProblem(alg) !== 'none' && dpopAlgProblem(alg) !== 'mac');
  const signed = algs.length > 0 ? ` signed with one of ${algs.join(', ')}` : '';
  return [
    `A client holding a DPoP-bound token answers the DPoP challenge with Authorization: DPoP <token> and a DPoP header field holding a new proof of this request${signed}, made with the key the token is bound to (RFC 9449 §7.1, §4.2).`,
  ];
}
