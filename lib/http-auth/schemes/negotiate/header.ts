import { encodeBase64 } from '../../bytes/base64';
import type { Challenge, ParseResult } from '../../types';
import { readToken68Credentials } from '../ntlm/header';

// RFC 4559 §4.1: the server offers a bare `WWW-Authenticate: Negotiate` (never with parameters) and, after
// a successful exchange, may send `Negotiate <token>` for mutual authentication; §4.2: the client answers
// `Authorization: Negotiate <base64 GSS-API token>`.

export function negotiateChallenge(token?: Uint8Array): Challenge {
  return token === undefined ? { scheme: 'Negotiate', params: {} } : { scheme: 'Negotiate', token68: encodeBase64(token), params: {} };
}

/** `Authorization: Negotiate <token68>`; the scheme matches case-insensitively (RFC 9110 §11.1). */
export function readNegotiateCredentials(fieldValue: string): ParseResult<string> {
  return readToken68Credentials(fieldValue, 'Negotiate', 'negotiate');
}
