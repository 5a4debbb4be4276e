// Debian's Chromium through playwright-core, for the browser tests and the benchmarks. Nothing here
// downloads a browser: it drives /usr/bin/chromium (or CHROMIUM_PATH; lib/export/chromium-executable.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../lib/export/chromium-executable.mjs';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

/**
 * Debian's chromium-headless-shell: the same Blink and V8 as CHROMIUM_PATH without the browser's own UI
 * (Playwright's own choice for headless runs). The page sweep costs it about half Chromium's CPU (11–12 s
 * against 20–23 s for twelve visits with axe and screenshots, docs/testing.md), so the browser tests' shared
 * browser is this one; a test that states what Chromium itself does (its login dialog, its proxy) asks for
 * the real one (`realChromium`).
 */
export const HEADLESS_SHELL_PATH = process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? '/usr/bin/chromium-headless-shell';

/** @typedef {{ realChromium?: boolean; colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number }; permissions?: string[]; javaScriptEnabled?: boolean; hasTouch?: boolean; bypassCSP?: boolean; extraArgs?: string[]; httpCredentials?: { username: string; password: string } }} BrowserOptions */
/** @typedef {{ context: import('playwright-core').BrowserContext; page: import('playwright-core').Page; close: () => Promise<void> }} BrowserSession */

/**
 * The environment variable naming a running Chromium to connect to (a BrowserServer's wsEndpoint): the
 * browser tests' globalSetup launches one for the whole run and sets it, and every process started under
 * the run (the test workers, an export script a test runs) connects to that one.
 */
export const BROWSER_ENDPOINT_VARIABLE = 'LAB_BROWSER_WS';

/** Like BROWSER_ENDPOINT_VARIABLE, for the run's real Chromium (CHROMIUM_PATH), when the shared one is the headless shell. */
export const REAL_CHROMIUM_ENDPOINT_VARIABLE = 'LAB_CHROMIUM_WS';

/**
 * One Chromium that many connections share. Launching costs about five times as much as a fresh
 * context on the 2-core machine (bench/README.md, "Test run").
 * @param {string} [executablePath] CHROMIUM_PATH unless given (HEADLESS_SHELL_PATH for the tests' shared one)
 * @returns {Promise<import('playwright-core').BrowserServer>}
 */
export function launchBrowserServer(executablePath = CHROMIUM_PATH) {
  return chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh context and its page: its own cookies, storage, cache, permissions and HTTP auth, as
 * isolated as a new profile. With LAB_BROWSER_WS set (and no launch flags asked for) the context is
 * opened in that running browser (LAB_CHROMIUM_WS with `realChromium`: a test of what Chromium itself
 * does); otherwise, or with `extraArgs` (a proxy, file access), in a Chromium (CHROMIUM_PATH) of its own
 * with a fresh profile (launchPersistentContext with a new --user-data-dir). `close` ends the context and
 * whatever was opened for it, never the shared browser.
 * @param {BrowserOptions} [options]
 * @returns {Promise<BrowserSession>}
 */
export async function openBrowser(options = {}) {
  const context = {
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    permissions: options.permissions,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    // A phone's touch screen, so a test can tap (locator.tap) as a reader does.
    hasTouch: options.hasTouch ?? false,
    // For axe on a page whose policy allows no script at all (the OAuth consent page): the test's own
    // script is the only one that must run.
    bypassCSP: options.bypassCSP ?? false,
    // What a reader would type into the browser's own sign-in prompt (a test of HTTP auth the browser does itself).
    ...(options.httpCredentials ? { httpCredentials: options.httpCredentials } : {}),
  };
  const endpoint = process.env[options.realChromium ? REAL_CHROMIUM_ENDPOINT_VARIABLE : BROWSER_ENDPOINT_VARIABLE];
  if (endpoint && !options.extraArgs?.length) {
    const browser = await chromium.connect(endpoint);
    const opened = await browser.newContext(context);
    // Disconnecting closes the contexts this connection opened; the browser runs on.
    return { context: opened, page: await opened.newPage(), close: () => browser.close() };
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-auth-lab-chromium-'));
  const persistent = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    ...context,
  });
  const page = persistent.pages()[0] ?? (await persistent.newPage());
  return {
    context: persistent,
    page,
    close: async () => {
      await persistent.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
