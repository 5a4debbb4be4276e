import { diagnostic } from '../diagnostic';
import type { ParamSyntax } from '../grammar/auth-params';
import type { ParsedElement } from '../grammar/elements';
import { dpopAlgProblem } from '../schemes/dpop/algorithms';
import { DPOP_ERROR_CODES } from '../schemes/dpop/challenge';
import type { Diagnostic } from '../types';
import { lintOAuthParam } from './oauth-params';

/**
 * RFC 9449 §7.1: a DPoP challenge is auth-params (algs, realm, scope, error, error_description), none of
 * them required; `algs` names asymmetric JWS algorithms only (§4.2, §11.6).
 */
export function lintDpopChallenge(el: ParsedElement): Diagnostic[] {
  if (el.token68) {
    return [diagnostic('dpop-token68', 'A DPoP challenge carries parameters (algs, error …), not a token68 (RFC 9449 §7.1).', el.token68.index)];
  }
  const out: Diagnostic[] = [];
  for (const p of el.params) {
    out.push(...lintOAuthParam(p, 'dpop'));
    if (p.name === 'error' && !(DPOP_ERROR_CODES as readonly string[]).includes(p.value)) {
      out.push(
        diagnostic(
          'dpop-unknown-error',
          `error="${p.value}" is none of RFC 6750 §3.1's codes, invalid_dpop_proof or use_dpop_nonce (RFC 9449 §7.1), or insufficient_user_authentication (RFC 9470 §3).`,
          p.valueIndex,
        ),
      );
    }
    if (p.name === 'algs') out.push(...lintAlgs(p));
  }
  return out;
}

function lintAlgs(p: ParamSyntax): Diagnostic[] {
  const names = p.value.split(' ').filter((name) => name !== '');
  if (names.length === 0) {
    return [diagnostic('dpop-algs-empty', 'algs is empty: it lists the JWS algorithms accepted for proofs, or is left out (RFC 9449 §7.1).', p.valueIndex)];
  }
  const out: Diagnostic[] = [];
  for (const name of names) {
    const problem = dpopAlgProblem(name);
    if (problem === 'none' || problem === 'mac') {
      const what = problem === 'none' ? '"none" means unsigned' : `"${name}" is a MAC, keyed with a shared secret`;
      out.push(
        diagnostic(
          'dpop-algs-not-asymmetric',
          `algs names ${name}, which no proof may use: ${what}, and a proof is signed with an asymmetric key (RFC 9449 §4.2, §11.6).`,
          p.valueIndex + (p.quoted ? 1 : 0) + p.value.indexOf(name),
        ),
      );
    }
  }
  return out;
}

/** RFC 9449 §7.1: `credentials = "DPoP" 1*SP token68`, the access token itself. */
export function lintDpopCredentials(el: ParsedElement): Diagnostic[] {
  if (el.token68) return [];
  return [
    diagnostic(
      'dpop-not-token68',
      'DPoP credentials are the access token itself, a single token68; the proof goes in the DPoP header field (RFC 9449 §7.1).',
      el.schemeIndex,
    ),
  ];
}
