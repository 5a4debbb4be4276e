// PKCE (RFC 7636): the client proves at the token endpoint that it is the one that started the
// authorization request. Only S256 is offered: RFC 9700 §2.1.1 says to use it, and the MCP
// authorization specification requires it; "plain" sends the secret itself through the front channel.
// Runs in the browser too (the playground's PKCE helper), so SHA-256 comes from @noble/hashes.
import { sha256 } from '@noble/hashes/sha2';
import { base64url } from 'jose';
import { constantTimeEqualText } from '@/lib/http-auth/bytes/constant-time';
import { encodeUtf8 } from '@/lib/http-auth/bytes/text';

/** RFC 7636 §4.2: a challenge is the verifier's BASE64URL(SHA256) with no padding: 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export type VerifierProblem = { kind: 'verifier-length'; length: number } | { kind: 'verifier-character'; index: number; character: string };

/**
 * Why `verifier` is not a code_verifier RFC 7636 §4.1 allows (43 to 128 characters, each an unreserved
 * character of RFC 3986 §2.3), or undefined when it is one.
 */
export function verifierProblem(verifier: string): VerifierProblem | undefined {
  if (verifier.length < 43 || verifier.length > 128) return { kind: 'verifier-length', length: verifier.length };
  const index = [...verifier].findIndex((character) => !/[A-Za-z0-9\-._~]/.test(character));
  return index === -1 ? undefined : { kind: 'verifier-character', index, character: [...verifier][index] ?? '' };
}

/** RFC 7636 §4.2: code_challenge = BASE64URL-ENCODE(SHA256(ASCII(code_verifier))). */
export function s256Challenge(verifier: string): string {
  return base64url.encode(sha256(encodeUtf8(verifier)));
}

/** A new code_verifier: 32 random bytes as base64url, 43 characters (RFC 7636 §7.1 recommends 256 bits). */
export function newCodeVerifier(random: (length: number) => Uint8Array = (length) => crypto.getRandomValues(new Uint8Array(length))): string {
  return base64url.encode(random(32));
}

/** What an authorization request's code_challenge and code_challenge_method say, checked (RFC 7636 §4.3, §4.4.1). */
export type ChallengeCheck =
  | { kind: 'ok'; challenge: string }
  | { kind: 'missing' }
  | { kind: 'plain'; explicit: boolean }
  | { kind: 'unknown-method'; method: string }
  | { kind: 'malformed'; challenge: string };

/**
 * The authorization request's PKCE parameters. A missing method means "plain" (RFC 7636 §4.3), which
 * this server refuses like an explicit one; an S256 challenge must be 43 base64url characters.
 */
export function checkCodeChallenge(challenge: string | undefined, method: string | undefined): ChallengeCheck {
  if (challenge === undefined || challenge === '') return { kind: 'missing' };
  if (method === undefined || method === 'plain') return { kind: 'plain', explicit: method !== undefined };
  if (method !== 'S256') return { kind: 'unknown-method', method };
  return S256_CHALLENGE.test(challenge) ? { kind: 'ok', challenge } : { kind: 'malformed', challenge };
}

export type VerifierCheck = { kind: 'ok' } | { kind: 'missing' } | { kind: 'invalid'; problem: VerifierProblem } | { kind: 'mismatch' };

/** RFC 7636 §4.6: the token request's code_verifier against the challenge the code was issued for. */
export function checkCodeVerifier(verifier: string | undefined, challenge: string): VerifierCheck {
  if (verifier === undefined || verifier === '') return { kind: 'missing' };
  const problem = verifierProblem(verifier);
  if (problem) return { kind: 'invalid', problem };
  return constantTimeEqualText(s256Challenge(verifier), challenge) ? { kind: 'ok' } : { kind: 'mismatch' };
}
