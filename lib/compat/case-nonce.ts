import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { checkDigestNonce, createDigestNonce, decodeBase64 } from '@/lib/http-auth';
import type { SandboxContext } from '@/lib/sandbox/context';

// The Digest nonces of the compatibility cases: the library's stateless signed nonces (issue time, random
// bytes, an HMAC), with the first random byte saying why the lab issued it. The HMAC covers that byte, so
// the case server can tell, without remembering anything, whether a client answered the nonce of the first
// challenge, a later one, or the nextnonce of Authentication-Info (RFC 7616 §3.5), and any instance with
// the same secret agrees. The key is derived from the sandbox secret, so a nonce of another sandbox
// endpoint is not one of these.

/** How long a nonce stays fresh; a correct answer to an older one gets stale=true (RFC 7616 §3.3). */
export const CASE_NONCE_LIFETIME_MS = 10 * 60_000;

/** Why a nonce was issued, as the grader reads it back from a client's credentials. */
export const NONCE_ISSUES = ['challenge', 'challenge-again', 'nextnonce', 'backdated'] as const;
export type NonceIssue = (typeof NONCE_ISSUES)[number];
/** What the lab makes of a nonce a client sent: one of its own (and why it issued it), or not. */
export type NonceOrigin = NonceIssue | 'not-issued-here';

const RANDOM_BYTES = 12;
const TIME_BYTES = 8;

function caseKey(secret: Uint8Array): Uint8Array {
  return hmac(sha256, secret, new TextEncoder().encode('http-auth-lab compat case nonce'));
}

/** A fresh nonce; `backdated` ones are issued already past their lifetime, for the stale-nonce flow. */
export function issueCaseNonce(ctx: SandboxContext, issue: NonceIssue): string {
  const random = ctx.random(RANDOM_BYTES).slice(0, RANDOM_BYTES);
  random[0] = NONCE_ISSUES.indexOf(issue);
  const now = issue === 'backdated' ? ctx.now() - CASE_NONCE_LIFETIME_MS - 60_000 : ctx.now();
  return createDigestNonce({ secret: caseKey(ctx.secret), now, random });
}

export type CaseNonceState = { kind: 'fresh' | 'stale'; issue: NonceIssue } | { kind: 'invalid' };

/** Checks the signature and age; a backdated nonce is stale by design, whatever the clock says. */
export function checkCaseNonce(ctx: SandboxContext, nonce: string): CaseNonceState {
  const state = checkDigestNonce(nonce, { secret: caseKey(ctx.secret), now: ctx.now(), maxAgeMs: CASE_NONCE_LIFETIME_MS });
  if (state.kind === 'invalid') return state;
  const decoded = decodeBase64(nonce);
  const issue = decoded.kind === 'bytes' ? NONCE_ISSUES[decoded.bytes[TIME_BYTES] ?? -1] : undefined;
  if (issue === undefined) return { kind: 'invalid' };
  return { kind: issue === 'backdated' ? 'stale' : state.kind, issue };
}

/**
 * A keyed fingerprint of a credentials field: equal values give equal fingerprints, so the grader can see
 * a token sent again, but without the lab's secret nobody can test a guessed password or token against it.
 */
export function credentialsFingerprint(ctx: SandboxContext, fieldValue: string): string {
  return bytesToHex(hmac(sha256, caseKey(ctx.secret), new TextEncoder().encode(`fingerprint ${fieldValue}`))).slice(0, 16);
}
