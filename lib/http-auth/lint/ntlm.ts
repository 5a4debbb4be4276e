import { diagnostic } from '../diagnostic';
import type { ParsedElement } from '../grammar/elements';
import type { NtlmMessageKind } from '../schemes/ntlm/message';
import { readNtlmMessage } from '../schemes/ntlm/read';
import type { Diagnostic } from '../types';

// NTLM over HTTP ([MS-NTHT]): a bare `NTLM` or `NTLM <base64 CHALLENGE>` from the server, `NTLM <base64
// NEGOTIATE or AUTHENTICATE>` from the client. Never auth-params. Which message belongs to which leg of a
// connection's handshake is the server's business; the lint checks that the token is a message at all.

export function lintNtlmChallenge(el: ParsedElement): Diagnostic[] {
  if (el.params.length > 0) {
    return [
      diagnostic(
        'ntlm-params',
        'An NTLM challenge is a bare `NTLM` or `NTLM <base64 CHALLENGE message>`; it has no parameters, not even realm ([MS-NTHT]).',
        el.params[0]?.nameIndex ?? el.schemeIndex,
      ),
    ];
  }
  return el.token68 ? lintToken(el.token68, ['challenge']) : [];
}

export function lintNtlmCredentials(el: ParsedElement): Diagnostic[] {
  if (!el.token68) {
    return [diagnostic('ntlm-not-token68', 'NTLM credentials are one token68: the base64 of a NEGOTIATE or AUTHENTICATE message ([MS-NTHT]).', el.schemeIndex)];
  }
  return lintToken(el.token68, ['negotiate', 'authenticate']);
}

function lintToken(token: { value: string; index: number }, allowed: readonly NtlmMessageKind[]): Diagnostic[] {
  const read = readNtlmMessage(token.value);
  if (read.kind !== 'message') {
    const at = read.kind === 'not-base64' ? token.index + read.offset : token.index;
    return [diagnostic('ntlm-bad-message', `The token is not an NTLM message: ${read.message}`, at)];
  }
  const message = read.message;
  if (!allowed.includes(message.kind)) {
    const expected = allowed.map((k) => k.toUpperCase()).join(' or ');
    return [
      diagnostic(
        'ntlm-wrong-message',
        `The token is a ${message.kind.toUpperCase()} (type ${message.messageType}); here only a ${expected} belongs (MS-NLMP §1.3.1.1).`,
        token.index,
      ),
    ];
  }
  if (message.kind === 'authenticate' && message.ntResponse.response.kind === 'ntlmv1') {
    return [
      diagnostic(
        'ntlm-v1-response',
        'This AUTHENTICATE carries an NTLM v1 response (24 bytes), DES of the challenge under the NT hash: crackable, and refused by any careful server (MS-NLMP §3.3.1).',
        token.index,
      ),
    ];
  }
  return [];
}
