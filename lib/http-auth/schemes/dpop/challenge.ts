import type { Challenge } from '../../types';
import { type OAuthChallengeOptions, oauthChallengeParams } from '../oauth-challenge';
import { dpopAlgProblem } from './algorithms';

// RFC 9449 §7.1: the DPoP scheme's challenge. The parameters are Bearer's (RFC 6750 §3) plus `algs`; the
// error codes are RFC 6750 §3.1's, DPoP's own two, and any extension's (RFC 9470's step-up code).

/** The error codes a DPoP challenge may carry (RFC 9449 §7.1, §12.2; RFC 6750 §3.1; RFC 9470 §3). */
export const DPOP_ERROR_CODES = [
  'invalid_request',
  'invalid_token',
  'insufficient_scope',
  'invalid_dpop_proof',
  'use_dpop_nonce',
  'insufficient_user_authentication',
] as const;

export type DpopErrorCode = (typeof DPOP_ERROR_CODES)[number];

/**
 * The status a resource server answers each code with. RFC 6750 §3.1 gives its three; RFC 9449 §9 sends
 * use_dpop_nonce with 401; invalid_dpop_proof is a failed authentication, and §7.1 makes DPoP's
 * challenges with 401; RFC 9470 §3 answers insufficient_user_authentication with 401. (A token endpoint
 * answers DPoP's two codes with 400 instead, RFC 9449 §5 and §8: that is an OAuth error response, not a challenge.)
 */
export function dpopErrorStatus(error: DpopErrorCode): 400 | 401 | 403 {
  switch (error) {
    case 'invalid_request':
      return 400;
    case 'invalid_token':
    case 'invalid_dpop_proof':
    case 'use_dpop_nonce':
    case 'insufficient_user_authentication':
      return 401;
    case 'insufficient_scope':
      return 403;
    default: {
      const never: never = error;
      return never;
    }
  }
}

const ALG_NAME = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

export type DpopChallengeOptions = OAuthChallengeOptions & {
  /** RFC 9449 §7.1: the JWS algorithms the resource accepts for proofs, sent space-delimited in `algs`. */
  algs?: readonly string[];
  error?: DpopErrorCode;
};

/**
 * Builds a DPoP challenge, `algs` last as RFC 9449 §7.1's Figure 16 writes it. Unlike Bearer's, it may
 * carry no parameter at all; throws TypeError on values RFC 6750 §3 or RFC 9449 §7.1 do not allow, and
 * on an `algs` naming `none` or a MAC algorithm (RFC 9449 §4.2: asymmetric signatures only). Algorithms
 * this library cannot check (ES256K, say) are allowed: the server that sends the challenge decides.
 */
export function dpopChallenge(options: DpopChallengeOptions = {}): Challenge {
  const params = oauthChallengeParams(options);
  if (options.algs !== undefined) {
    if (options.algs.length === 0) throw new TypeError('algs names at least one JWS algorithm, or is left out (RFC 9449 §7.1).');
    for (const alg of options.algs) {
      // Space-delimited inside a quoted-string: no space, '"' or '\' in a name (RFC 9449 §7.1, RFC 9110 §5.6.4).
      if (!ALG_NAME.test(alg)) throw new TypeError(`'${alg}' cannot be one name of the space-delimited algs list (RFC 9449 §7.1).`);
      const problem = dpopAlgProblem(alg);
      if (problem === 'none' || problem === 'mac') {
        throw new TypeError(`'${alg}' is not an asymmetric signature algorithm; a DPoP proof must not use it (RFC 9449 §4.2, §11.6).`);
      }
    }
    params.algs = options.algs.join(' ');
  }
  return { scheme: 'DPoP', params };
}
