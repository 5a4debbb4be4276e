// Starting and stopping the production servers the tests run: the run's shared one (globalSetup) and the
// ones a test needs with settings of its own (a rate limit, EMBED_FRAME_ANCESTORS, a captured log).
// Starting is scripts/serve-build.mjs's startServer, as `npm start` runs the server.
import { startServer } from '../../../scripts/serve-build.mjs';

/**
 * Ends `child` with `signal` and resolves once it has exited (at once if it already has); SIGKILL after
 * 15 s if it has not. SIGTERM lets server.ts drain its connections and flush its log first.
 * @param {import('node:child_process').ChildProcess | undefined} child
 * @param {NodeJS.Signals} [signal]
 * @returns {Promise<void>}
 */
export function stopProcess(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/**
 * A production server of the test's own (startServer's arguments), with `stop()` to end it.
 * @param {Record<string, string>} env
 * @param {Parameters<typeof startServer>[1]} [options]
 */
export async function startLab(env, options) {
  const server = await startServer(env, options);
  return { ...server, stop: () => stopProcess(server.child) };
}
