import { encodeBase64 } from '../../bytes/base64';
import { failure, success } from '../../diagnostic';
import { isToken68 } from '../../grammar/chars';
import { parseCredentials } from '../../parse';
import type { Challenge, ParseResult } from '../../types';

// NTLM over HTTP is Microsoft's, not an IETF scheme (it is not in the IANA registry): `WWW-Authenticate:
// NTLM` bare to start, `NTLM <base64 CHALLENGE>` in the middle leg, `Authorization: NTLM <base64>` from the
// client ([MS-NTHT]). The base64 fits RFC 9110 §11.2's token68.

/** The bare `NTLM` that starts the handshake, or `NTLM <base64 CHALLENGE_MESSAGE>` for the second leg. */
export function ntlmChallenge(message?: Uint8Array): Challenge {
  return message === undefined ? { scheme: 'NTLM', params: {} } : { scheme: 'NTLM', token68: encodeBase64(message), params: {} };
}

/** `Authorization: NTLM <token68>` (or Proxy-Authorization); the scheme matches case-insensitively. */
export function readNtlmCredentials(fieldValue: string): ParseResult<string> {
  return readToken68Credentials(fieldValue, 'NTLM', 'ntlm');
}

/** Shared with Negotiate: `<scheme> <token68>` and nothing else. */
export function readToken68Credentials(fieldValue: string, scheme: string, code: string): ParseResult<string> {
  const parsed = parseCredentials(fieldValue);
  if (!parsed.ok) return parsed;
  const at = fieldValue.indexOf(parsed.value.scheme);
  if (parsed.value.scheme.toLowerCase() !== scheme.toLowerCase())
    return failure(`${code}-wrong-scheme`, `These are '${parsed.value.scheme}' credentials, not ${scheme}.`, at);
  const token = parsed.value.token68;
  if (token === undefined || !isToken68(token)) {
    return failure(`${code}-not-token68`, `${scheme} credentials are one base64 token, a token68 (RFC 9110 §11.4), carrying a binary message.`, at);
  }
  return success(token, parsed.warnings);
}
