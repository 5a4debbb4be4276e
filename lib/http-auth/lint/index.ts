import type { ParamSyntax } from '../grammar/auth-params';
import type { ParsedElement } from '../grammar/elements';
import type { Diagnostic } from '../types';
import { lintBasicChallenge, lintBasicCredentials } from './basic';
import { lintBearerChallenge, lintBearerCredentials } from './bearer';
import { lintDigestChallenge, lintDigestCredentials } from './digest';
import { lintQuoting } from './quoting';

// Sender mistakes we accept but point out. RFC 9110 §11.1: scheme names compare case-insensitively,
// so dispatch is on the lower-cased name.

export function lintChallenge(el: ParsedElement): Diagnostic[] {
  const quoting = lintQuoting(el.scheme, 'challenge', el.params);
  switch (el.scheme.toLowerCase()) {
    case 'basic':
      return [...lintBasicChallenge(el), ...quoting];
    case 'bearer':
      return [...lintBearerChallenge(el), ...quoting];
    case 'digest':
      return [...lintDigestChallenge(el), ...quoting];
    default:
      return quoting;
  }
}

export function lintCredentials(el: ParsedElement): Diagnostic[] {
  const quoting = lintQuoting(el.scheme, 'credentials', el.params);
  switch (el.scheme.toLowerCase()) {
    case 'basic':
      return [...lintBasicCredentials(el), ...quoting];
    case 'bearer':
      return [...lintBearerCredentials(el), ...quoting];
    case 'digest':
      return [...lintDigestCredentials(el), ...quoting];
    default:
      return quoting;
  }
}

export function lintAuthInfo(params: readonly ParamSyntax[], scheme: string | undefined): Diagnostic[] {
  return scheme === undefined ? [] : lintQuoting(scheme, 'auth-info', params);
}
