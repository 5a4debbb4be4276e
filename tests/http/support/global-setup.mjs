import { startLab } from './lab-server.mjs';

// The production server every HTTP and browser test talks to, started once per run. Both projects name
// a globalSetup; the browser project's calls this one too, so whichever runs first starts the server.
export default async function globalSetup() {
  if (globalThis.__LAB_SERVER__) return;
  // A fixed secret, as a deployment would set: the server then has no reason to warn. No rate limit:
  // every test sends from 127.0.0.1, one client to the limiter (rate-limit.test.ts starts its own).
  const server = await startLab({ SANDBOX_SECRET: 'browser-tests-secret-at-least-32-characters', SANDBOX_RATE_LIMIT: 'off' });
  // Workers inherit the environment, so every test finds the server here.
  process.env.LAB_BASE_URL = server.baseUrl;
  globalThis.__LAB_SERVER__ = server;
}
