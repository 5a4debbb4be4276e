import { createSandboxContext, publicOriginFromEnvironment, secretFromEnvironment, type SandboxContext } from './context';

// One context per process. Kept on globalThis because Next bundles each route separately: without
// it, /api/sandbox/token and /api/exchange would each get their own random secret when
// SANDBOX_SECRET is unset, and refuse each other's tokens.

const KEY = Symbol.for('http-auth-lab.sandbox-context');

export function sandboxContext(): SandboxContext {
  const holder = globalThis as { [KEY]?: SandboxContext };
  holder[KEY] ??= createSandboxContext({
    secret: secretFromEnvironment(process.env.SANDBOX_SECRET, (message) => console.warn(`[sandbox] ${message}`)),
    publicOrigin: publicOriginFromEnvironment(process.env.SITE_URL),
  });
  return holder[KEY];
}
