import { decodeBase64, encodeBase64 } from '../bytes/base64';
import { decodeLatin1, decodeUtf8, encodeLatin1, encodeUtf8, firstControlChar, firstInvalidUtf8 } from '../bytes/text';
import { describeChar, diagnostic, failure, success } from '../diagnostic';
import { parseCredentials } from '../parse';
import type { Challenge, Credentials, Diagnostic, ParseResult } from '../types';

// RFC 7617: Basic. Credentials are base64(user-id ":" password); the encoding of the text is UTF-8
// when the server says charset="UTF-8" (§2.1) and, in practice, often ISO-8859-1 when it does not.

export type BasicCharset = 'UTF-8' | 'ISO-8859-1';
export type BasicUser = { userId: string; password: string };

/** RFC 7617 §2 and §2.1: `Basic realm="..."`, optionally with the only allowed charset, UTF-8. */
export function basicChallenge(options: { realm: string; charset?: 'UTF-8' }): Challenge {
  const params: Record<string, string> = { realm: options.realm };
  if (options.charset) params.charset = options.charset;
  return { scheme: 'Basic', params };
}

/** Builds `Basic <token68>`; refuses what RFC 7617 §2 forbids instead of sending it. */
export function encodeBasicCredentials(user: BasicUser, charset: BasicCharset = 'UTF-8'): ParseResult<Credentials> {
  const colon = user.userId.indexOf(':');
  if (colon >= 0) {
    return failure('basic-colon-in-user-id', 'A user-id cannot contain ":": the first ":" is what separates it from the password (RFC 7617 §2).', colon);
  }
  const pair = `${user.userId}:${user.password}`;
  const control = firstControlChar(pair);
  if (control >= 0) {
    return failure('basic-control-char', `${describeChar(pair, control)} is a control character, which RFC 7617 §2 forbids in user-id and password.`, control);
  }
  let bytes: Uint8Array;
  if (charset === 'UTF-8') {
    bytes = encodeUtf8(pair);
  } else {
    const latin1 = encodeLatin1(pair);
    if (latin1.kind === 'unencodable') {
      return failure('basic-not-latin1', `${describeChar(pair, latin1.index)} has no ISO-8859-1 byte; use UTF-8 (RFC 7617 §2.1).`, latin1.index);
    }
    bytes = latin1.bytes;
  }
  return success({ scheme: 'Basic', token68: encodeBase64(bytes), params: {} });
}

/**
 * Reads `Authorization: Basic ...`. Diagnostic indexes point into `fieldValue`. With the default
 * UTF-8, bytes that are not UTF-8 are refused, and the message shows how ISO-8859-1 would read them.
 */
export function decodeBasicCredentials(fieldValue: string, charset: BasicCharset = 'UTF-8'): ParseResult<BasicUser> {
  const parsed = parseCredentials(fieldValue);
  if (!parsed.ok) return parsed;
  return decodeParsedBasic(parsed.value, fieldValue, charset);
}

/**
 * decodeBasicCredentials for credentials already parsed from `fieldValue` (the sandbox parses every
 * Authorization field once to pick the scheme, and need not parse it again to read Basic's token68).
 */
export function decodeParsedBasic(credentials: Credentials, fieldValue: string, charset: BasicCharset = 'UTF-8'): ParseResult<BasicUser> {
  const { scheme, token68 } = credentials;
  if (scheme.toLowerCase() !== 'basic') {
    return failure('basic-wrong-scheme', `These are '${scheme}' credentials, not Basic.`, fieldValue.indexOf(scheme));
  }
  if (token68 === undefined) {
    return failure('basic-not-token68', 'Basic credentials are one token68: base64 of "user-id:password" (RFC 7617 §2).', fieldValue.indexOf(scheme));
  }
  const start = fieldValue.indexOf(token68, fieldValue.indexOf(scheme) + scheme.length);
  const decoded = decodeBase64(token68);
  if (decoded.kind === 'invalid') return failure('invalid-base64', `Not base64: ${decoded.reason}.`, start + decoded.index);
  const warnings: Diagnostic[] = [];
  if (!decoded.padded) warnings.push(diagnostic('base64-unpadded', 'The base64 lacks its "=" padding (RFC 4648 §3.2); decoded anyway.', start));
  const text = bytesToText(decoded.bytes, charset);
  if (text.kind === 'invalid') {
    const at = start + Math.floor(text.byteIndex / 3) * 4;
    return failure(
      'basic-not-utf8',
      `Byte ${text.byteIndex + 1} of the decoded credentials is not UTF-8 (RFC 7617 §2.1); read as ISO-8859-1 they say "${decodeLatin1(decoded.bytes)}".`,
      at,
    );
  }
  const colon = text.value.indexOf(':');
  if (colon < 0) return failure('basic-no-colon', 'The decoded credentials have no ":" between user-id and password (RFC 7617 §2).', start);
  if (firstControlChar(text.value) >= 0) {
    warnings.push(diagnostic('basic-control-char', 'The decoded credentials contain a control character, which RFC 7617 §2 forbids.', start));
  }
  return success({ userId: text.value.slice(0, colon), password: text.value.slice(colon + 1) }, warnings);
}

function bytesToText(bytes: Uint8Array, charset: BasicCharset): { kind: 'text'; value: string } | { kind: 'invalid'; byteIndex: number } {
  if (charset === 'ISO-8859-1') return { kind: 'text', value: decodeLatin1(bytes) };
  const bad = firstInvalidUtf8(bytes);
  return bad >= 0 ? { kind: 'invalid', byteIndex: bad } : { kind: 'text', value: decodeUtf8(bytes) };
}
