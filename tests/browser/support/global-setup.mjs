import { launchBrowserServer } from '../../../scripts/chromium.mjs';
import startLab from '../../http/support/global-setup.mjs';

// The lab's server (shared with the HTTP project) and one Chromium for the whole run: every test file
// connects to it and opens a fresh context per test (support/chromium.ts).
export default async function globalSetup() {
  await startLab();
  const browser = await launchBrowserServer();
  process.env.LAB_BROWSER_WS = browser.wsEndpoint();
  globalThis.__LAB_BROWSER__ = browser;
}
