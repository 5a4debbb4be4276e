import { diagnostic } from '../diagnostic';
import type { ParsedElement } from '../grammar/elements';
import type { Diagnostic } from '../types';
import { lintOAuthParam } from './oauth-params';

export const BEARER_ERROR_CODES = ['invalid_request', 'invalid_token', 'insufficient_scope', 'insufficient_user_authentication'] as const;

/** RFC 6750 §3: a Bearer challenge has auth-params, at least one, and three defined error codes (RFC 9470 §3 adds one). */
export function lintBearerChallenge(el: ParsedElement): Diagnostic[] {
  if (el.token68) {
    return [diagnostic('bearer-token68', 'A Bearer challenge carries parameters, not a token68 (RFC 6750 §3).', el.token68.index)];
  }
  if (el.params.length === 0) {
    return [diagnostic('bearer-no-params', 'A Bearer challenge must carry at least one parameter, e.g. realm or scope (RFC 6750 §3).', el.schemeIndex)];
  }
  const out: Diagnostic[] = [];
  for (const p of el.params) {
    out.push(...lintOAuthParam(p, 'bearer'));
    if (p.name === 'error' && !(BEARER_ERROR_CODES as readonly string[]).includes(p.value)) {
      out.push(
        diagnostic(
          'bearer-unknown-error',
          `error="${p.value}" is not one of invalid_request, invalid_token, insufficient_scope (RFC 6750 §3.1) or insufficient_user_authentication (RFC 9470 §3).`,
          p.valueIndex,
        ),
      );
    }
  }
  return out;
}

/** RFC 6750 §2.1: `credentials = "Bearer" 1*SP b64token` (b64token is token68's syntax). */
export function lintBearerCredentials(el: ParsedElement): Diagnostic[] {
  if (el.token68) return [];
  return [diagnostic('bearer-not-token68', 'Bearer credentials are the token itself, a single token68 (RFC 6750 §2.1).', el.schemeIndex)];
}
