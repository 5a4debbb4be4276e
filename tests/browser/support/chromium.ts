// The browser tests' Chromium: one browser for the whole run (globalSetup launches it, scripts/chromium.mjs
// launchBrowserServer, and puts its endpoint in LAB_BROWSER_WS), each test file connects to it once, and
// every openBrowser call is a fresh context: its own cookies, storage, cache, permissions and HTTP auth,
// as isolated as the fresh profile each test used to launch. A test that needs launch flags of its own
// (extraArgs: the lab as the configured proxy, file access) still gets a browser of its own.
import { chromium, type Browser } from 'playwright-core';
import { openBrowser as launchBrowser, openContext } from '../../../scripts/chromium.mjs';

export { CHROMIUM_PATH } from '../../../scripts/chromium.mjs';
export type ColorScheme = 'light' | 'dark';
export type BrowserOptions = NonNullable<Parameters<typeof launchBrowser>[0]>;

let connection: Promise<Browser> | undefined;

function sharedBrowser(): Promise<Browser> {
  const endpoint = process.env.LAB_BROWSER_WS;
  if (!endpoint) throw new Error('LAB_BROWSER_WS is not set: run the browser tests through Jest (globalSetup launches Chromium)');
  connection ??= chromium.connect(endpoint);
  return connection;
}

/** A fresh context and page (a browser of its own when `extraArgs` asks for launch flags); `close` ends it. */
export async function openBrowser(options: BrowserOptions = {}) {
  if (options.extraArgs && options.extraArgs.length > 0) return launchBrowser(options);
  return openContext(await sharedBrowser(), options);
}

/** Drops this file's connection (its contexts close with it); the browser runs on for the next file. */
export async function disconnectBrowser(): Promise<void> {
  const open = connection;
  connection = undefined;
  if (open) await (await open).close();
}
