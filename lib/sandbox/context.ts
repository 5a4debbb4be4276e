// What the sandbox needs from the outside world, injected so tests can fix time and randomness.

export type SandboxContext = {
  /** Milliseconds since the epoch. */
  now: () => number;
  /** HMAC key for Digest nonces and Bearer tokens; shared by every instance behind a load balancer. */
  secret: Uint8Array;
  random: (length: number) => Uint8Array;
  /** Highest Digest nc seen per nonce and cnonce, for replay detection; bounded (see boundedMap). */
  nonceCounts: { get(key: string): number | undefined; set(key: string, nc: number): unknown };
  /** Authorization codes already redeemed at the lab's OAuth server, by id (RFC 6749 §4.1.2: once each); bounded. */
  redeemedCodes: { has(id: string): boolean; set(id: string, expiresAt: number): unknown };
  /** DPoP proofs already accepted, by key thumbprint and jti (RFC 9449 §11.1: each proof once); bounded. */
  seenDpopProofs: { has(key: string): boolean; set(key: string, expiresAt: number): unknown };
  /** NTLM v2 proofs (NTProofStr) already accepted: a replayed AUTHENTICATE is named as one; bounded. */
  seenNtlmProofs: { has(key: string): boolean; set(key: string, expiresAt: number): unknown };
  /**
   * The lab's public origin (SITE_URL) when it is configured: its OAuth documents and tokens name it. Unset,
   * they name the origin a request's Host reached.
   */
  publicOrigin?: string;
};

/** A Map that forgets its oldest entries past `limit`, so no client can grow memory without bound. */
export function boundedMap<K, V>(limit: number): Map<K, V> {
  const map = new Map<K, V>();
  const set = map.set.bind(map);
  map.set = (key: K, value: V) => {
    map.delete(key);
    set(key, value);
    while (map.size > limit) {
      const oldest = map.keys().next();
      if (oldest.done) break;
      map.delete(oldest.value);
    }
    return map;
  };
  return map;
}

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

export function createSandboxContext(options: { secret: Uint8Array; now?: () => number; publicOrigin?: string }): SandboxContext {
  return {
    now: options.now ?? Date.now,
    secret: options.secret,
    random: (length) => crypto.getRandomValues(new Uint8Array(length)),
    nonceCounts: boundedMap<string, number>(10_000),
    redeemedCodes: boundedMap<string, number>(10_000),
    seenDpopProofs: boundedMap<string, number>(10_000),
    seenNtlmProofs: boundedMap<string, number>(10_000),
    ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
  };
}

/** SITE_URL's origin when it is an absolute http(s) URL, else undefined (the lab then answers for the Host it was reached at). */
export function publicOriginFromEnvironment(value: string | undefined): string | undefined {
  if (!value || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
}
