import { decodeBase64, decodeBasicCredentials, type Credentials } from '@/lib/http-auth';
import type { ConnectionScheme } from '@/lib/sandbox/connection';
import { readConnectionToken } from '@/lib/sandbox/engine/schemes/connection-token';
import type { CredentialsShape } from './observation';

// A credentials field reduced to its shape (observation.ts): what the compatibility grader records and what
// a recorded HAR shows in place of the secret (lib/har). Pure, and safe in a browser or a Web Worker.

/** RFC 7617 §2: the user-id, and how user-pass was encoded; never the password. */
export function basicShape(credentials: Credentials, fieldValue: string): { shape: CredentialsShape; utf8: boolean } {
  const bytes = credentials.token68 === undefined ? undefined : decodeBase64(credentials.token68);
  if (bytes === undefined || bytes.kind === 'invalid') return { shape: { kind: 'malformed', length: fieldValue.length, problem: 'not base64' }, utf8: false };
  const utf8 = decodeBasicCredentials(fieldValue, 'UTF-8');
  const read = utf8.ok ? utf8 : decodeBasicCredentials(fieldValue, 'ISO-8859-1');
  if (!read.ok) return { shape: { kind: 'malformed', length: fieldValue.length, problem: read.error.message }, utf8: false };
  const ascii = bytes.bytes.every((byte) => byte < 0x80);
  return { shape: { kind: 'basic', userId: read.value.userId, encoding: ascii ? 'ascii' : utf8.ok ? 'UTF-8' : 'ISO-8859-1' }, utf8: utf8.ok };
}

/** Which NTLM message an NTLM or Negotiate field carried (MS-NLMP §2.2.1); the token itself is left out. */
export function handshakeShape(scheme: ConnectionScheme, fieldValue: string): CredentialsShape {
  const read = readConnectionToken(scheme, fieldValue);
  const message = read.kind === 'ntlm' && read.message.kind !== 'challenge' ? read.message.kind : 'other';
  return { kind: 'handshake', message, length: fieldValue.length };
}

/** A scheme the lab does not read: the names of its parameters, never their values. */
export function otherShape(credentials: Credentials, fieldValue: string): CredentialsShape {
  return { kind: 'other', length: fieldValue.length, paramNames: Object.keys(credentials.params) };
}
