// Starts the production server (server.ts, what `npm start` runs) on a free loopback port, for the
// browser tests and benchmarks.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tsxCli = path.join(root, 'node_modules/tsx/dist/cli.mjs');

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

/** Builds when there is no production build yet, so `jest --selectProjects browser` works alone. */
export function ensureBuild() {
  if (fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return;
  // npm run build: next build, then the compile hints (scripts/compile-hints.mjs).
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

/**
 * The Node flags `npm start` gives server.ts (package.json's "start": `… tsx <flags> server.ts`), so the
 * server the tests and benchmarks start is the one a deployment runs: today the old-space cap that keeps
 * V8 from letting its heap grow for minutes under load (bench/README.md, "Soak").
 * @returns {string[]}
 */
export function serverNodeFlags() {
  const start = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start;
  const flags = /\btsx\s+(.*?)\s*server\.ts$/.exec(start)?.[1];
  if (flags === undefined) throw new Error(`package.json's start script does not run "tsx … server.ts": ${start}`);
  return flags.split(/\s+/).filter(Boolean);
}

/**
 * @param {Record<string, string>} [extraEnv]
 * @param {{ nodeFlags?: string[], captureOutput?: boolean }} [options] nodeFlags replaces npm start's flags
 *   (bench:soak's --max-old-space); captureOutput collects the server's stdout and stderr (read them with
 *   `output()`) instead of passing stderr through, e.g. to check what it logs.
 */
export async function startServer(extraEnv = {}, { nodeFlags = serverNodeFlags(), ...options } = {}) {
  ensureBuild();
  const port = await freePort();
  const child = spawn(process.execPath, [tsxCli, ...nodeFlags, 'server.ts'], {
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

/**
 * The pid of the node process that runs server.ts: tsx's CLI (startServer's `child`) runs it in a child
 * process of its own and only relays signals, so memory must be read from, and SIGKILL sent to, this one.
 * @param {import('node:child_process').ChildProcess} child
 */
export function serverPid(child) {
  let pid = child.pid;
  if (pid === undefined) throw new Error('the server process has no pid');
  for (;;) {
    let next;
    try {
      next = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)[0];
    } catch {
      return pid;
    }
    if (next === undefined) return pid;
    pid = next;
  }
}
