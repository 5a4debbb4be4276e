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
 * A fresh Chromium profile per call (launchPersistentContext with a new --user-data-dir).
 * @param {{ colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; permissions?: string[]; javaScriptEnabled?: boolean; extraArgs?: string[] }} [options]
 * @returns {Promise<{ context: import('playwright-core').BrowserContext; page: import('playwright-core').Page; close: () => Promise<void> }>}
 */
export async function openBrowser(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-auth-lab-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    permissions: options.permissions,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
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
