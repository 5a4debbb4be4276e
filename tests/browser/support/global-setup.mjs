import { startServer } from '../../../scripts/serve-build.mjs';

export default async function globalSetup() {
  const { baseUrl, child } = await startServer();
  // Workers inherit the environment, so every browser test finds the server here.
  process.env.LAB_BASE_URL = baseUrl;
  globalThis.__LAB_SERVER__ = child;
}
