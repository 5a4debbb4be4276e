import { recordJson, StoreUnavailable, type OnceSpace, type OnceStore, type RecordSpace } from './store';

// The store every instance shares when REDIS_URL is set. Each operation is one atomic command on the
// Redis server, so two instances answering the same replay at the same moment cannot both accept it:
// SET NX for a claim, a short Lua script for a raise (Redis runs a script without interleaving others).
// Every key is under `lab:` and has an expiry, so the lab never grows Redis's memory without bound.

/** Prefix of every key the lab writes, so it can share a Redis with other programs. */
export const REDIS_KEY_PREFIX = 'lab:';

/** How long start-up waits for Redis before saying it cannot be reached. */
const CONNECT_TIMEOUT_MS = 3_000;

/** Raises KEYS[1] to ARGV[1] when higher than what is stored, with a PX of ARGV[2]; 1 if raised, 0 if not. */
const RAISE_SCRIPT = `local stored = redis.call('GET', KEYS[1])
if stored and tonumber(stored) >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;

/**
 * How long a request waits for Redis before the store says it cannot answer (a 503). Redis answers in well
 * under a millisecond on a healthy network; a Redis that is stopped, paused or unreachable must not hold
 * requests open.
 */
export const REDIS_WAIT_MS = 2_000;

/**
 * Commands sent and not yet answered, at most. A Redis that is connected but silent (paused, or a network
 * that drops packets) leaves every command in the client's queue until the connection dies, each request
 * having had its 503 after REDIS_WAIT_MS; past this many, commands are refused without being queued, so
 * the queue cannot grow the heap without bound.
 */
export const REDIS_MAX_PENDING = 1_000;

/**
 * Appends ARGV[1] to the list KEYS[1] unless it holds ARGV[3] entries already, or (with KEYS[3], a byte
 * budget several lists share) its bytes would take the budget past ARGV[4]. A refusal, or an empty ARGV[1]
 * (a record too long to keep), counts in KEYS[2]. Every key gets PX ARGV[2]. 1 if added, 0 if not.
 */
const APPEND_SCRIPT = `local function refuse()
  redis.call('INCR', KEYS[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if ARGV[1] == '' or redis.call('LLEN', KEYS[1]) >= tonumber(ARGV[3]) then return refuse() end
if KEYS[3] then
  local bytes = redis.call('INCRBY', KEYS[3], #ARGV[1])
  redis.call('PEXPIRE', KEYS[3], ARGV[2])
  if bytes > tonumber(ARGV[4]) then
    redis.call('DECRBY', KEYS[3], #ARGV[1])
    return refuse()
  end
end
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/**
 * Adds ARGV[1] to the sorted set KEYS[1] with score ARGV[2] (its expiry), after dropping members that
 * expired by ARGV[3]; past ARGV[4] members, pops the oldest and returns them. The set expires with its
 * newest member.
 */
const ENLIST_SCRIPT = `redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
local evicted = {}
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
if over > 0 then
  local popped = redis.call('ZPOPMIN', KEYS[1], over)
  for i = 1, #popped, 2 do evicted[#evicted + 1] = popped[i] end
end
local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if newest[2] then redis.call('PEXPIREAT', KEYS[1], newest[2]) end
return evicted`;

/**
 * REDIS_URL as the client takes it: a redis:// or rediss:// (TLS) URL with a host. Throws with a message
 * for the operator otherwise; the value itself is not repeated, since it may carry a password.
 */
export function redisUrlFromEnvironment(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    throw new Error(
      'REDIS_URL must be a redis:// or rediss:// URL with a host, such as redis://redis.internal:6379/0. Leave it unset to keep the replay checks in each instance’s memory.',
    );
  }
  return value;
}

/** The URL without its password, for messages. */
function described(url: string): string {
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return shown.toString();
}

/** Milliseconds from now to `expiresAtMs`, at least 1 (PX takes a positive number). */
const ttl = (expiresAtMs: number, now: number) => String(Math.max(1, Math.ceil(expiresAtMs - now)));

/**
 * Connects at once; `ready()` says whether that worked. The client is loaded only here, so a deployment
 * without REDIS_URL never loads it. While Redis is away after start-up, operations throw StoreUnavailable
 * at once (no offline queue that would hold requests open), or after REDIS_WAIT_MS when Redis is connected
 * but silent; the client reconnects in the background.
 */
export function createRedisStore(options: { url: string; now?: () => number; waitMs?: number; maxPending?: number }): OnceStore {
  const now = options.now ?? Date.now;
  const waitMs = options.waitMs ?? REDIS_WAIT_MS;
  const maxPending = options.maxPending ?? REDIS_MAX_PENDING;
  let pending = 0;
  let connected = false;
  const key = (space: OnceSpace | RecordSpace, name: string) => `${REDIS_KEY_PREFIX}${space}:${name}`;
  const listKey = (space: RecordSpace, name: string) => `${REDIS_KEY_PREFIX}${space}:list:${name}`;
  const refusedKey = (space: RecordSpace, name: string) => `${REDIS_KEY_PREFIX}${space}:refused:${name}`;
  const budgetKey = (space: RecordSpace, name: string) => `${REDIS_KEY_PREFIX}${space}:bytes:${name}`;
  const indexKey = (space: RecordSpace) => `${REDIS_KEY_PREFIX}${space}:index`;
  const clientReady = import('@redis/client').then(async ({ createClient }) => {
    const client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        // Before the first connection: no retry, so start-up fails fast. After: back off up to 2 s. A new
        // Error, not `cause`: the client tells an Error by instanceof, and `cause` may come from another realm.
        reconnectStrategy: (retries: number, cause: Error) => (connected ? Math.min(100 * (retries + 1), 2_000) : new Error(cause.message)),
      },
    });
    // Without a listener, a dropped connection would be an uncaught 'error' event and end the process.
    client.on('error', (error: unknown) => {
      if (connected) console.error(`[sandbox] Redis: ${error instanceof Error ? error.message : String(error)}`);
    });
    try {
      await client.connect();
    } catch (error) {
      // The client has closed itself (reconnectStrategy gave up); nothing is left to close.
      throw new Error(
        `Redis at REDIS_URL (${described(options.url)}) could not be reached: ${error instanceof Error ? error.message : String(error)}. Start it, correct REDIS_URL, or unset REDIS_URL to keep the replay checks in memory.`,
      );
    }
    connected = true;
    return client;
  });
  // ready() reports the failure; this keeps a failure nobody asked about from being an unhandled rejection.
  clientReady.catch(() => undefined);
  // Every failure to get an answer is StoreUnavailable, bounded by waitMs: the client's own errors while
  // it is offline, closed or reconnecting come at once; a silent Redis would otherwise hold the request.
  const command = (args: string[]) => {
    if (pending >= maxPending) return Promise.reject(new StoreUnavailable(`Redis has left ${pending} commands unanswered`));
    pending += 1;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreUnavailable(`Redis did not answer within ${waitMs} ms`)), waitMs);
    });
    const answer = clientReady
      .then((client) => client.sendCommand(args))
      .catch((error: unknown) => {
        throw new StoreUnavailable(`Redis: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      });
    // The answer may come after the wait ended: nobody listens to it then, but it is counted until it comes.
    answer.catch(() => undefined).finally(() => (pending -= 1));
    return Promise.race([answer, waited]).finally(() => clearTimeout(timer));
  };
  return {
    kind: 'redis',
    async claim(space, name, expiresAtMs) {
      return (await command(['SET', key(space, name), '1', 'NX', 'PX', ttl(expiresAtMs, now())])) !== null;
    },
    async seen(space, name) {
      return Number(await command(['EXISTS', key(space, name)])) === 1;
    },
    async raise(space, name, value, expiresAtMs) {
      return Number(await command(['EVAL', RAISE_SCRIPT, '1', key(space, name), String(value), ttl(expiresAtMs, now())])) === 1;
    },
    async putJson(space, name, value, expiresAtMs) {
      const json = recordJson(value);
      if (json === undefined) return false;
      await command(['SET', key(space, name), json, 'PX', ttl(expiresAtMs, now())]);
      return true;
    },
    async getJson(space, name) {
      const json = await command(['GET', key(space, name)]);
      return typeof json === 'string' ? (JSON.parse(json) as unknown) : undefined;
    },
    async appendJson(space, name, value, { expiresAtMs, maxEntries, budget }) {
      const json = recordJson(value) ?? '';
      const keys = [listKey(space, name), refusedKey(space, name), ...(budget ? [budgetKey(space, budget.key)] : [])];
      const args = [json, ttl(expiresAtMs, now()), String(maxEntries), String(budget?.maxBytes ?? 0)];
      return Number(await command(['EVAL', APPEND_SCRIPT, String(keys.length), ...keys, ...args])) === 1;
    },
    async listJson(space, name) {
      const [entries, refused] = await Promise.all([command(['LRANGE', listKey(space, name), '0', '-1']), command(['GET', refusedKey(space, name)])]);
      return {
        entries: Array.isArray(entries) ? entries.map((json) => JSON.parse(String(json)) as unknown) : [],
        refused: Number(refused ?? 0),
      };
    },
    async enlist(space, name, expiresAtMs, limit) {
      const evicted = await command(['EVAL', ENLIST_SCRIPT, '1', indexKey(space), name, String(expiresAtMs), String(now()), String(limit)]);
      return Array.isArray(evicted) ? evicted.map(String) : [];
    },
    async forgetJson(space, names) {
      if (names.length === 0) return;
      const keys = names.flatMap((name) => [key(space, name), listKey(space, name), refusedKey(space, name), budgetKey(space, name)]);
      await Promise.all([command(['DEL', ...keys]), command(['ZREM', indexKey(space), ...names])]);
    },
    ready: () => clientReady.then(() => undefined),
    async close() {
      const client = await clientReady.catch(() => undefined);
      connected = false;
      if (client?.isOpen) await client.close();
    },
  };
}
