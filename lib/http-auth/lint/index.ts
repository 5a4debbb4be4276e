import type { ParamSyntax } from '../grammar/auth-params';
import type { ParsedElement } from '../grammar/elements';
import type { Diagnostic } from '../types';
import { lintBasicChallenge, lintBasicCredentials } from './basic';
import { lintBearerChallenge, lintBearerCredentials } from './bearer';
import { lintDigestChallenge, lintDigestCredentials } from './digest';
import { lintDpopChallenge, lintDpopCredentials } from './dpop';
import { lintNegotiateChallenge, lintNegotiateCredentials } from './negotiate';
import { lintNtlmChallenge, lintNtlmCredentials } from './ntlm';
import { lintQuoting } from './quoting';

/** Concatenates without allocating in the usual case where one side (or both) is empty. */
function join(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  if (b.length === 0) return a;
  return a.length === 0 ? b : [...a, ...b];
}

// Sender mistakes we accept but point out. RFC 9110 §11.1: scheme names compare case-insensitively,
// so dispatch is on the lower-cased name.

export function lintChallenge(el: ParsedElement): Diagnostic[] {
  const scheme = el.scheme.toLowerCase();
  const quoting = lintQuoting(scheme, 'challenge', el.params);
  switch (scheme) {
    case 'basic':
      return join(lintBasicChallenge(el), quoting);
    case 'bearer':
      return join(lintBearerChallenge(el), quoting);
    case 'digest':
      return join(lintDigestChallenge(el), quoting);
    case 'dpop':
      return join(lintDpopChallenge(el), quoting);
    case 'ntlm':
      return join(lintNtlmChallenge(el), quoting);
    case 'negotiate':
      return join(lintNegotiateChallenge(el), quoting);
    default:
      return quoting;
  }
}

export function lintCredentials(el: ParsedElement): Diagnostic[] {
  const scheme = el.scheme.toLowerCase();
  const quoting = lintQuoting(scheme, 'credentials', el.params);
  switch (scheme) {
    case 'basic':
      return join(lintBasicCredentials(el), quoting);
    case 'bearer':
      return join(lintBearerCredentials(el), quoting);
    case 'digest':
      return join(lintDigestCredentials(el), quoting);
    case 'dpop':
      return join(lintDpopCredentials(el), quoting);
    case 'ntlm':
      return join(lintNtlmCredentials(el), quoting);
    case 'negotiate':
      return join(lintNegotiateCredentials(el), quoting);
    default:
      return quoting;
  }
}

export function lintAuthInfo(params: readonly ParamSyntax[], scheme: string | undefined): Diagnostic[] {
  return scheme === undefined ? [] : lintQuoting(scheme.toLowerCase(), 'auth-info', params);
}
