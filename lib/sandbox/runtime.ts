import { setHashBackend } from '@/lib/http-auth';
import { createSandboxContext, publicOriginFromEnvironment, secretFromEnvironment, type SandboxContext } from './context';
import { createMemoryStore } from './store/memory';
import { createRedisStore, redisUrlFromEnvironment } from './store/redis';
import type { OnceStore } from './store/store';
import { NODE_HASHES } from './node-hashes';

// One context per process. Kept on globalThis because Next bundles each route separately: without
// it, /api/sandbox/token and /api/exchange would each get their own random secret when
// SANDBOX_SECRET is unset, and refuse each other's tokens.

const KEY = Symbol.for('http-auth-lab.sandbox-context');

/**
 * REDIS_URL set: the once-only checks go to that Redis, which every instance behind a load balancer
 * shares. Unset: each instance keeps them in its own memory. A malformed REDIS_URL throws here.
 */
export function storeFromEnvironment(value: string | undefined, now: () => number = Date.now): OnceStore {
  const url = redisUrlFromEnvironment(value);
  return url === undefined ? createMemoryStore({ now }) : createRedisStore({ url, now });
}

export function sandboxContext(): SandboxContext {
  const holder = globalThis as { [KEY]?: SandboxContext };
  if (!holder[KEY]) setHashBackend(NODE_HASHES);
  holder[KEY] ??= createSandboxContext({
    secret: secretFromEnvironment(process.env.SANDBOX_SECRET, (message) => console.warn(`[sandbox] ${message}`)),
    publicOrigin: publicOriginFromEnvironment(process.env.SITE_URL),
    store: storeFromEnvironment(process.env.REDIS_URL),
  });
  return holder[KEY];
}
