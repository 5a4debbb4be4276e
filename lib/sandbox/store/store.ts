// What must be checked once across every instance of a deployment: the one-time uses and replay checks
// that Digest nc, OAuth codes, DPoP proofs and NTLM proofs share (docs/deploying.md, "Several instances
// behind a load balancer"). In memory by default (each instance checks its own); in Redis when REDIS_URL
// is set (every instance sees every other's). It also keeps bounded, expiring JSON records: the client-test
// runs' settings and the requests they recorded (lib/compat/run-store.ts), so any instance answers for any run.

/**
 * Which check a key belongs to. Each space is bounded on its own in memory, so a flood of one kind of
 * request cannot push another kind's entries out, and in Redis each is its own key prefix.
 */
export type OnceSpace = 'digest-nc' | 'oauth-code' | 'dpop-proof' | 'ntlm-proof';

export const ONCE_SPACES: readonly OnceSpace[] = ['digest-nc', 'oauth-code', 'dpop-proof', 'ntlm-proof'];

/** Where JSON records are kept: a client-test run's settings and the requests it recorded (the run API). */
export type RecordSpace = 'client-run';

export const RECORD_SPACES: readonly RecordSpace[] = ['client-run'];

/** The most a record (one JSON text, or one entry of a list) may take, so no client fills the store. */
export const MAX_RECORD_BYTES = 64 * 1024;

const utf8 = new TextEncoder();

/** `value` as the JSON text a store keeps, or undefined when it has none or is longer than MAX_RECORD_BYTES. */
export function recordJson(value: unknown): string | undefined {
  const json = JSON.stringify(value) as string | undefined;
  return json !== undefined && utf8.encode(json).byteLength <= MAX_RECORD_BYTES ? json : undefined;
}

/**
 * What every store operation throws when the store cannot answer (Redis gone after start-up, or slower than
 * the bound on a wait): the routes answer 503 with Retry-After, never 500, and never wait longer.
 */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
}

/** A bounded list, and how many appends it refused (full, over its budget, or too long a record). */
export type StoredList = { entries: unknown[]; refused: number };

/** Bytes several lists share: an append that would take the total past maxBytes is refused. */
export type ByteBudget = { key: string; maxBytes: number };

/**
 * An answer now (memory) or later (Redis). The memory store answers synchronously so that the sandbox's
 * hot paths allocate no promise for it; callers `await` either.
 */
export type StoreAnswer<T> = T | Promise<T>;

export interface OnceStore {
  readonly kind: 'memory' | 'redis';
  /**
   * Records `key` as used until `expiresAtMs` (milliseconds since the epoch), atomically: true when it
   * was not recorded yet, false when it was (a code redeemed, a proof seen). Every entry expires.
   */
  claim(space: OnceSpace, key: string, expiresAtMs: number): StoreAnswer<boolean>;
  /** Whether `key` is recorded and unexpired, without recording it. */
  seen(space: OnceSpace, key: string): StoreAnswer<boolean>;
  /**
   * Raises the counter at `key` to `value` if `value` is higher than what is stored (or nothing is),
   * atomically: true when raised, false when not (RFC 7616 §3.4.5, §5.5: an nc that does not increase is
   * a replay). The entry lasts until `expiresAtMs`.
   */
  raise(space: OnceSpace, key: string, value: number, expiresAtMs: number): StoreAnswer<boolean>;
  /**
   * Keeps `value` as JSON under `key` until `expiresAtMs`, replacing what was there. False, and nothing
   * kept, when its JSON is longer than MAX_RECORD_BYTES.
   */
  putJson(space: RecordSpace, key: string, value: unknown, expiresAtMs: number): Promise<boolean>;
  /** What putJson kept (a copy), or undefined when nothing is there or it expired. */
  getJson(space: RecordSpace, key: string): Promise<unknown>;
  /**
   * Adds `value` to the end of the list under `key`, atomically, and has the list last until `expiresAtMs`.
   * False, nothing added and the list's refusals counted, when the list already holds `maxEntries`, when
   * the JSON is too long, or when its bytes would take the `budget` it shares with other lists past its
   * maxBytes.
   */
  appendJson(space: RecordSpace, key: string, value: unknown, options: { expiresAtMs: number; maxEntries: number; budget?: ByteBudget }): Promise<boolean>;
  /** The list appendJson built, oldest first, and its refusals; empty when there is none. */
  listJson(space: RecordSpace, key: string): Promise<StoredList>;
  /**
   * Adds `key` to the space's index of live records until `expiresAtMs`, atomically, so their number is
   * bounded across every instance: past `limit` live keys, the oldest leave the index and are returned, for
   * the caller to forget their records (forgetJson).
   */
  enlist(space: RecordSpace, key: string, expiresAtMs: number, limit: number): Promise<string[]>;
  /** Forgets everything kept under these keys: record, list, its refusals, budget, index entry. */
  forgetJson(space: RecordSpace, keys: readonly string[]): Promise<void>;
  /** Resolves once the store can answer; rejects with a message for the operator if it cannot. */
  ready(): Promise<void>;
  close(): Promise<void>;
}
