import { decodeJwt, decodeProtectedHeader } from 'jose';
import { basicShape, handshakeShape, otherShape } from '@/lib/compat/credentials-shape';
import type { CredentialsShape } from '@/lib/compat/observation';
import { decodeBasicCredentials, parseCredentials, readBearerToken } from '@/lib/http-auth';

// What a secret looked like, without the secret: the compatibility matrix's CredentialsShape for a
// credentials field (lib/compat/credentials-shape.ts, one reading for both), plus a JWT's header and
// claims when a token is one (RFC 7519 §7.2; decoded, never verified, and without the signature).

export type JwtShape = { header: Record<string, unknown>; claims: Record<string, unknown>; signatureLength: number };

export type SecretShape =
  /** An Authorization or Proxy-Authorization field value (RFC 9110 §11.4). */
  | { kind: 'credentials'; scheme: string; shape: CredentialsShape; jwt?: JwtShape }
  /** A named value: a cookie, a query parameter, a body field, a token header, a password. */
  | { kind: 'value'; name: string; length: number; jwt?: JwtShape };

const JWS_COMPACT = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/;

/** A JWS compact serialization's header and claims, or undefined when the value is not one. */
export function jwtShape(value: string): JwtShape | undefined {
  if (!JWS_COMPACT.test(value)) return undefined;
  try {
    const header = decodeProtectedHeader(value) as Record<string, unknown>;
    const claims = decodeJwt(value) as Record<string, unknown>;
    return { header, claims, signatureLength: value.length - value.lastIndexOf('.') - 1 };
  } catch {
    return undefined;
  }
}

/** The password a Basic field carries (RFC 7617 §2), for the sweep that makes sure it shows nowhere else. */
export function basicPassword(fieldValue: string): string | undefined {
  const read = decodeBasicCredentials(fieldValue, 'UTF-8');
  const either = read.ok ? read : decodeBasicCredentials(fieldValue, 'ISO-8859-1');
  return either.ok ? either.value.password : undefined;
}

/** An Authorization or Proxy-Authorization value reduced to its shape. Never throws. */
export function credentialsShape(fieldValue: string): SecretShape {
  const parsed = parseCredentials(fieldValue);
  if (!parsed.ok) {
    const scheme = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/.exec(fieldValue)?.[0] ?? '';
    return { kind: 'credentials', scheme, shape: { kind: 'malformed', length: fieldValue.length, problem: parsed.error.message } };
  }
  const credentials = parsed.value;
  const scheme = credentials.scheme;
  switch (scheme.toLowerCase()) {
    case 'basic':
      return { kind: 'credentials', scheme, shape: basicShape(credentials, fieldValue).shape };
    case 'bearer':
    case 'dpop': {
      // RFC 6750 §2.1 and RFC 9449 §7.1: the same b64token after the scheme.
      const read = readBearerToken(`Bearer ${fieldValue.slice(scheme.length).trimStart()}`);
      if (!read.ok) return { kind: 'credentials', scheme, shape: { kind: 'malformed', length: fieldValue.length, problem: read.error.message } };
      const jwt = jwtShape(read.value);
      return { kind: 'credentials', scheme, shape: { kind: 'token', length: read.value.length }, ...(jwt ? { jwt } : {}) };
    }
    case 'digest': {
      // RFC 7616 §3.4.1: `response` proves the password and can be attacked offline with the nonce; it is left out.
      const params = { ...credentials.params };
      if (params.response !== undefined) params.response = `(${params.response.length} hex digits, hidden)`;
      return { kind: 'credentials', scheme, shape: { kind: 'digest', params } };
    }
    case 'ntlm':
      return { kind: 'credentials', scheme, shape: handshakeShape('NTLM', fieldValue) };
    case 'negotiate':
      return { kind: 'credentials', scheme, shape: handshakeShape('Negotiate', fieldValue) };
    default:
      return { kind: 'credentials', scheme, shape: otherShape(credentials, fieldValue) };
  }
}

/** A few words for the placeholder: what the reader sees in place of the value. */
export function shapeWords(shape: SecretShape): string {
  const jwt = shape.jwt ? `, a JWT (alg ${String(shape.jwt.header.alg ?? '?')}) whose claims are shown` : '';
  if (shape.kind === 'value') return `${shape.length} characters${jwt}`;
  const s = shape.shape;
  switch (s.kind) {
    case 'basic':
      return `user-id "${s.userId}", password hidden`;
    case 'digest':
      return 'Digest response hidden';
    case 'token':
      return `token of ${s.length} characters${jwt}`;
    case 'handshake':
      return `${s.message === 'other' ? 'an' : `the ${s.message.toUpperCase()}`} NTLM message, ${s.length} characters`;
    case 'other':
      return `${s.length} characters`;
    case 'malformed':
      return `${s.length} characters that do not parse`;
    default: {
      const never: never = s;
      return never;
    }
  }
}
