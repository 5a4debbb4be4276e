// Starts the production server (dist/server.mjs, the bundle of server.ts that `npm start` runs) on a free
// loopback port, for the browser tests and benchmarks.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { bundleServer, SERVER_BUNDLE } from './build-server.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** A free loopback port (for the server, or anything else a script starts). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * Builds what is missing, so `jest --selectProjects browser` works alone: all of `npm run build` when there
 * is no Next build, only the server bundle (about a second) when just that is missing.
 */
export async function ensureBuild() {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    // npm run build: next build, the compile hints (scripts/compile-hints.mjs), the server bundle.
    const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('npm run build failed');
  } else if (!fs.existsSync(path.join(root, SERVER_BUNDLE))) {
    await bundleServer();
  }
}

/**
 * The Node flags `npm start` gives the server bundle (package.json's "start": `… node <flags> dist/server.mjs`),
 * so the server the tests and benchmarks start is the one a deployment runs: today the old-space cap that
 * keeps V8 from letting its heap grow for minutes under load (bench/README.md, "Soak").
 * @returns {string[]}
 */
export function serverNodeFlags() {
  const start = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  const words = start.split(/\s+/).filter(Boolean);
  const node = words.indexOf('node');
  if (node === -1 || words.at(-1) !== SERVER_BUNDLE) throw new Error(`package.json's start script does not run "node … ${SERVER_BUNDLE}": ${start}`);
  return words.slice(node + 1, -1);
}

/**
 * What `npm start` runs after `node`: its flags (or `nodeFlags` instead), then the bundle.
 * @param {string[]} [nodeFlags]
 */
export function serverArguments(nodeFlags = serverNodeFlags()) {
  return [...nodeFlags, path.join(root, SERVER_BUNDLE)];
}

/**
 * @param {Record<string, string>} [extraEnv]
 * @param {{ nodeFlags?: string[], captureOutput?: boolean }} [options] nodeFlags replaces npm start's flags
 *   (bench:soak's --max-old-space); captureOutput collects the server's stdout and stderr (read them with
 *   `output()`) instead of passing stderr through, e.g. to check what it logs.
 */
export async function startServer(extraEnv = {}, { nodeFlags = serverNodeFlags(), ...options } = {}) {
  await ensureBuild();
  const port = await freePort();
  // The child is the server itself (no launcher in between): its pid is the one to signal or measure.
  const child = spawn(process.execPath, serverArguments(nodeFlags), {
    cwd: root,
    stdio: ['ignore', options.captureOutput ? 'pipe' : 'ignore', options.captureOutput ? 'pipe' : 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...extraEnv },
  });
  /** @type {Buffer[]} */
  const chunks = [];
  child.stdout?.on('data', (chunk) => chunks.push(chunk));
  child.stderr?.on('data', (chunk) => chunks.push(chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilServing(baseUrl, child, 30_000);
  return { baseUrl, child, output: () => Buffer.concat(chunks).toString('utf8') };
}
