import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import readline from 'node:readline';
import { BROWSER_ENDPOINT_VARIABLE } from '../../../scripts/chromium.mjs';
import startLab from '../../http/support/global-setup.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);

/** Starts support/browser-server.mjs and resolves with the endpoint it prints. */
async function startBrowser() {
  const child = spawn(process.execPath, [path.join(here, 'browser-server.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the browser server exited with code ${code} before it was ready`);
  });
  const [endpoint] = await Promise.race([once(lines, 'line'), exited]);
  lines.close();
  return { child, endpoint };
}

// The lab's server (shared with the HTTP project) and one Chromium for the whole run: workers inherit
// the environment, so every openBrowser call connects to it for a fresh context (scripts/chromium.mjs).
export default async function globalSetup() {
  await startLab();
  const { child, endpoint } = await startBrowser();
  process.env[BROWSER_ENDPOINT_VARIABLE] = endpoint;
  globalThis.__LAB_BROWSER__ = child;
}
