import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { BROWSER_ENDPOINT_VARIABLE, CHROMIUM_PATH, HEADLESS_SHELL_PATH, REAL_CHROMIUM_ENDPOINT_VARIABLE } from '../../../scripts/chromium.mjs';
import startLab from '../../http/support/global-setup.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);

/** Starts support/browser-server.mjs for `executablePath` and resolves with the endpoint it prints. */
async function startBrowser(executablePath) {
  const child = spawn(process.execPath, [path.join(here, 'browser-server.mjs'), executablePath], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the browser server exited with code ${code} before it was ready`);
  });
  const [endpoint] = await Promise.race([once(lines, 'line'), exited]);
  lines.close();
  return { child, endpoint };
}

// The lab's server (shared with the HTTP project) and two browsers for the whole run: Chromium's headless
// shell, which every openBrowser call connects to for a fresh context, and Chromium itself, for the tests
// of what Chromium does (`realChromium`, the browser facts). Workers inherit the environment
// (scripts/chromium.mjs).
export default async function globalSetup() {
  await startLab();
  const [shell, real] = await Promise.all([startBrowser(HEADLESS_SHELL_PATH), startBrowser(CHROMIUM_PATH)]);
  process.env[BROWSER_ENDPOINT_VARIABLE] = shell.endpoint;
  process.env[REAL_CHROMIUM_ENDPOINT_VARIABLE] = real.endpoint;
  globalThis.__LAB_BROWSERS__ = [shell.child, real.child];
}
