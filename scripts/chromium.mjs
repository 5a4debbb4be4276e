// Debian's Chromium through playwright-core, for the browser tests and the benchmarks. Nothing here
// downloads a browser: it drives /usr/bin/chromium (or CHROMIUM_PATH).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Flags this machine needs: no sandbox as root, and no background traffic to a network that is closed.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * What a context is opened with: the same defaults for a browser of its own (openBrowser) and for a
 * context in a shared one (openContext).
 * @param {{ colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; permissions?: string[]; javaScriptEnabled?: boolean }} options
 */
function contextOptions(options) {
  return {
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    permissions: options.permissions,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  };
}

/**
 * One Chromium that several processes drive (the browser tests' globalSetup starts it): connect to its
 * `wsEndpoint()` with `chromium.connect` and open a context per test (openContext). Launching costs
 * about five times as much as a context on the 2-core machine (bench/README.md, "Test run").
 * @returns {Promise<import('playwright-core').BrowserServer>}
 */
export function launchBrowserServer() {
  return chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh context (its own cookies, storage, cache, permissions and HTTP auth) and page in `browser`,
 * the same shape as openBrowser's; `close` closes the context and leaves the browser running.
 * @param {import('playwright-core').Browser} browser
 * @param {{ colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; permissions?: string[]; javaScriptEnabled?: boolean }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext; page: import('playwright-core').Page; close: () => Promise<void> }>}
 */
export async function openContext(browser, options = {}) {
  const context = await browser.newContext(contextOptions(options));
  const page = await context.newPage();
  return { context, page, close: () => context.close() };
}

/**
 * A fresh Chromium profile per call (launchPersistentContext with a new --user-data-dir): for scripts,
 * and for tests that need launch flags of their own (a proxy, file access).
 * @param {{ colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; permissions?: string[]; javaScriptEnabled?: boolean; extraArgs?: string[] }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext; page: import('playwright-core').Page; close: () => Promise<void> }>}
 */
export async function openBrowser(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-auth-lab-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    ...contextOptions(options),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
