import { spawnSync } from 'node:child_process';
import path from 'node:path';

// `npm start` fails fast, with one clear line, on a bad environment variable: before it listens.

const root = process.cwd();

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'server.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', SANDBOX_SECRET: 'a-startup-test-secret-of-32-bytes!!', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('server start-up', () => {
  test.each([
    [{ PORT: 'eighty' }, /HTTP Auth Lab failed to start: PORT must be a whole number from 1 to 65535, not "eighty"/],
    // A semicolon would smuggle another CSP directive into every embed's header.
    [{ PORT: '3998', EMBED_FRAME_ANCESTORS: 'https://lms.example.edu; script-src *' }, /HTTP Auth Lab failed to start: EMBED_FRAME_ANCESTORS: "https:\/\/lms.example.edu;" is not an origin/],
    [{ PORT: '3999', EMBED_FRAME_ANCESTORS: 'https://lms.example.edu/courses' }, /HTTP Auth Lab failed to start: EMBED_FRAME_ANCESTORS: "https:\/\/lms.example.edu\/courses" is not an origin/],
  ])('%j: exits 1 naming the variable', (env, message) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
  }, 90_000);
});
