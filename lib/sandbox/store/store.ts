// What must be checked once across every instance of a deployment: the one-time uses and replay checks
// that Digest nc, OAuth codes, DPoP proofs and NTLM proofs share (docs/deploying.md, "Several instances
// behind a load balancer"). In memory by default (each instance checks its own); in Redis when REDIS_URL
// is set (every instance sees every other's).

/**
 * Which check a key belongs to. Each space is bounded on its own in memory, so a flood of one kind of
 * request cannot push another kind's entries out, and in Redis each is its own key prefix.
 */
export type OnceSpace = 'digest-nc' | 'oauth-code' | 'dpop-proof' | 'ntlm-proof';

export const ONCE_SPACES: readonly OnceSpace[] = ['digest-nc', 'oauth-code', 'dpop-proof', 'ntlm-proof'];

/**
 * An answer now (memory) or later (Redis). The memory store answers synchronously so that the sandbox's
 * hot paths allocate no promise for it; callers `await` either.
 */
export type Answer<T> = T | Promise<T>;

export interface OnceStore {
  readonly kind: 'memory' | 'redis';
  /**
   * Records `key` as used until `expiresAtMs` (milliseconds since the epoch), atomically: true when it
   * was not recorded yet, false when it was (a code redeemed, a proof seen). Every entry expires.
   */
  claim(space: OnceSpace, key: string, expiresAtMs: number): Answer<boolean>;
  /** Whether `key` is recorded and unexpired, without recording it. */
  seen(space: OnceSpace, key: string): Answer<boolean>;
  /**
   * Raises the counter at `key` to `value` if `value` is higher than what is stored (or nothing is),
   * atomically: true when raised, false when not (RFC 7616 §3.4.5, §5.5: an nc that does not increase is
   * a replay). The entry lasts until `expiresAtMs`.
   */
  raise(space: OnceSpace, key: string, value: number, expiresAtMs: number): Answer<boolean>;
  /** Resolves once the store can answer; rejects with a message for the operator if it cannot. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
