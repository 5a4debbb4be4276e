import { createMemoryStore } from './store/memory';
import type { OnceStore } from './store/store';

// What the sandbox needs from the outside world, injected so tests can fix time and randomness.

/** Re-exported for the callers that bound their own maps with it. */
export { boundedMap } from './store/bounded-map';

export type SandboxContext = {
  /** Milliseconds since the epoch. */
  now: () => number;
  /** HMAC key for Digest nonces and Bearer tokens; shared by every instance behind a load balancer. */
  secret: Uint8Array;
  random: (length: number) => Uint8Array;
  /**
   * What must be used once or only with a rising count: Digest nc (per nonce and cnonce), OAuth codes,
   * DPoP proofs and NTLM proofs. In memory per instance by default; shared through Redis when REDIS_URL
   * is set (lib/sandbox/store).
   */
  store: OnceStore;
  /**
   * The lab's public origin (SITE_URL) when it is configured: its OAuth documents and tokens name it. Unset,
   * they name the origin a request's Host reached.
   */
  publicOrigin?: string;
};

export const MIN_SECRET_BYTES = 32;

/**
 * Decodes SANDBOX_SECRET (any string of at least 32 characters). Throws with a clear message on a
 * secret that is too short, so a misconfigured deployment fails at start-up, not on the first request.
 */
export function secretFromEnvironment(value: string | undefined, warn: (message: string) => void): Uint8Array {
  if (value === undefined || value === '') {
    warn(
      'SANDBOX_SECRET is not set: using a random secret for this process. Digest nonces and tokens will not be accepted by other instances or after a restart.',
    );
    return crypto.getRandomValues(new Uint8Array(MIN_SECRET_BYTES));
  }
  if (value.length < MIN_SECRET_BYTES) {
    throw new Error(`SANDBOX_SECRET must be at least ${MIN_SECRET_BYTES} characters long (it has ${value.length}).`);
  }
  return new TextEncoder().encode(value);
}

/** Bytes drawn from the system's CSPRNG per refill: one call per 341 Digest nonces instead of one each. */
const RANDOM_POOL_BYTES = 4096;

/**
 * Random bytes from a pool the CSPRNG refills: the same generator, asked less often (issue 23: asking it
 * for 12 bytes per Digest challenge cost more than signing the nonce). Node's crypto.randomUUID keeps
 * such a cache too. Each caller gets bytes of its own, never handed out twice.
 */
export function pooledRandom(poolBytes = RANDOM_POOL_BYTES): (length: number) => Uint8Array {
  let pool = new Uint8Array(0);
  let used = 0;
  return (length) => {
    if (length > poolBytes) return crypto.getRandomValues(new Uint8Array(length));
    if (used + length > pool.length) {
      pool = crypto.getRandomValues(new Uint8Array(poolBytes));
      used = 0;
    }
    used += length;
    return pool.slice(used - length, used);
  };
}

export function createSandboxContext(options: { secret: Uint8Array; now?: () => number; publicOrigin?: string; store?: OnceStore }): SandboxContext {
  const now = options.now ?? Date.now;
  return {
    now,
    secret: options.secret,
    random: pooledRandom(),
    store: options.store ?? createMemoryStore({ now }),
    ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
  };
}

/** SITE_URL's origin when it is an absolute http(s) URL, else undefined (the lab then answers for the Host it was reached at). */
export function publicOriginFromEnvironment(value: string | undefined): string | undefined {
  if (!value || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
}
