import type { Challenge } from '../../types';
import { type DpopErrorCode, dpopChallenge, dpopErrorStatus } from './challenge';

/** Why a resource server turns a DPoP request away (RFC 9449 §7.1, §9; RFC 6750 §3.1; RFC 9470 §3). */
export type DpopRejection =
  | { kind: 'no-credentials' }
  | { kind: 'invalid-request'; description?: string }
  | { kind: 'invalid-token'; description?: string }
  | { kind: 'insufficient-scope'; scope: readonly string[]; description?: string }
  | { kind: 'invalid-dpop-proof'; description?: string }
  | { kind: 'use-dpop-nonce'; description?: string }
  | { kind: 'insufficient-user-authentication'; acrValues?: readonly string[]; maxAge?: number; description?: string };

/**
 * The status and challenge for a rejection, each naming the algorithms the resource accepts. As for
 * Bearer (RFC 6750 §3.1, which RFC 9449 §7.2 repeats), a request with no credentials gets no error code.
 * use_dpop_nonce goes out with a `DPoP-Nonce` header field, which is the caller's to add (RFC 9449 §9).
 */
export function dpopRejection(rejection: DpopRejection, o: { realm?: string; algs: readonly string[] }): { status: 400 | 401 | 403; challenge: Challenge } {
  const base = { realm: o.realm, algs: o.algs };
  const rejected = (error: DpopErrorCode, extra: { errorDescription?: string; scope?: readonly string[]; acrValues?: readonly string[]; maxAge?: number }) => ({
    status: dpopErrorStatus(error),
    challenge: dpopChallenge({ ...base, error, ...extra }),
  });
  switch (rejection.kind) {
    case 'no-credentials':
      return { status: 401, challenge: dpopChallenge(base) };
    case 'invalid-request':
      return rejected('invalid_request', { errorDescription: rejection.description });
    case 'invalid-token':
      return rejected('invalid_token', { errorDescription: rejection.description });
    case 'insufficient-scope':
      return rejected('insufficient_scope', { errorDescription: rejection.description, scope: rejection.scope });
    case 'invalid-dpop-proof':
      return rejected('invalid_dpop_proof', { errorDescription: rejection.description });
    case 'use-dpop-nonce':
      return rejected('use_dpop_nonce', { errorDescription: rejection.description });
    case 'insufficient-user-authentication':
      return rejected('insufficient_user_authentication', {
        errorDescription: rejection.description,
        acrValues: rejection.acrValues,
        maxAge: rejection.maxAge,
      });
    default: {
      const never: never = rejection;
      return never;
    }
  }
}
