import { diagnostic } from '../diagnostic';
import type { ParsedElement } from '../grammar/elements';
import { readNegotiateToken } from '../schemes/negotiate/read';
import type { Diagnostic } from '../types';

/** RFC 4559 §4.1: `Negotiate` alone, or `Negotiate <base64 token>` for mutual authentication; no auth-params. */
export function lintNegotiateChallenge(el: ParsedElement): Diagnostic[] {
  if (el.params.length > 0) {
    return [
      diagnostic(
        'negotiate-params',
        'A Negotiate challenge is a bare `Negotiate` or `Negotiate <base64 GSS-API token>`; it has no parameters, not even realm (RFC 4559 §4.1).',
        el.params[0]?.nameIndex ?? el.schemeIndex,
      ),
    ];
  }
  return el.token68 ? lintToken(el.token68) : [];
}

/** RFC 4559 §4.2: `Negotiate <base64 GSS-API token>`. */
export function lintNegotiateCredentials(el: ParsedElement): Diagnostic[] {
  if (!el.token68)
    return [diagnostic('negotiate-not-token68', 'Negotiate credentials are one token68: the base64 of a GSS-API token (RFC 4559 §4.2).', el.schemeIndex)];
  return lintToken(el.token68);
}

function lintToken(token: { value: string; index: number }): Diagnostic[] {
  const read = readNegotiateToken(token.value);
  if (read.kind === 'token') return [];
  const at = read.kind === 'not-base64' ? token.index + read.offset : token.index;
  return [diagnostic('negotiate-bad-token', `The token is not SPNEGO, Kerberos or NTLM: ${read.message}`, at)];
}
