// A redis-server of the test's own, on a free loopback port, with nothing written to disk (--save '',
// --appendonly no): the shared store's tests run against the real thing. Debian's redis-server comes
// from scripts/ensure-test-tools.sh; its system service is never started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from '../../../scripts/serve-build.mjs';
import { stopProcess } from './lab-server.mjs';

export const REDIS_SERVER = process.env.REDIS_SERVER_PATH ?? 'redis-server';

/** Whether redis-server can be run here (CI installs it; a developer may not have). */
export function redisServerAvailable(): boolean {
  return spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' }).status === 0;
}

export type RedisServer = {
  url: string;
  port: number;
  stop: () => Promise<void>;
  /** SIGSTOP: connections stay open but nothing answers (a hung Redis). */
  pause: () => void;
  /** SIGCONT after pause. */
  resume: () => void;
};

/**
 * Starts redis-server and resolves once it accepts connections (at most 10 s). On a free port, or on `port`
 * (a test that stopped its Redis brings it back where the lab expects it).
 */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  port ??= Number(await freePort());
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'];
  const child: ChildProcess = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s: ${output}`)), 10_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with code ${code}: ${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => {
      child.kill('SIGCONT');
      return stopProcess(child);
    },
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
  };
}
