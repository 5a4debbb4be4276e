import { spawnSync } from 'node:child_process';
import { ensureBuild, serverArguments } from '../../scripts/serve-build.mjs';

// `npm start` fails fast, with one clear line, on a bad environment variable: before it listens.

const root = process.cwd();

// What npm start runs: node with its flags on the server bundle.
beforeAll(() => ensureBuild(), 600_000);

function start(env: Record<string, string>) {
  return spawnSync(process.execPath, serverArguments(), {
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
    [
      { PORT: '3998', EMBED_FRAME_ANCESTORS: 'https://lms.example.edu; script-src *' },
      /HTTP Auth Lab failed to start: EMBED_FRAME_ANCESTORS: "https:\/\/lms.example.edu;" is not an origin/,
    ],
    [
      { PORT: '3999', EMBED_FRAME_ANCESTORS: 'https://lms.example.edu/courses' },
      /HTTP Auth Lab failed to start: EMBED_FRAME_ANCESTORS: "https:\/\/lms.example.edu\/courses" is not an origin/,
    ],
    // A typo must not silently mean "no limit" or "the default".
    [
      { PORT: '3997', SANDBOX_RATE_LIMIT: '600/1m' },
      /HTTP Auth Lab failed to start: SANDBOX_RATE_LIMIT must be "off" or "<requests>\/<seconds>s" with an optional ",burst=<n>".*not "600\/1m"/,
    ],
    // Addresses only: a host name would need a DNS lookup per request.
    [
      { PORT: '3996', TRUST_PROXY: 'loopback,nginx.internal' },
      /HTTP Auth Lab failed to start: TRUST_PROXY: "nginx.internal" is not an IP address, a CIDR range such as 10.0.0.0\/8, or "loopback"/,
    ],
  ])(
    '%j: exits 1 naming the variable',
    (env, message) => {
      const result = start(env);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
    },
    90_000,
  );
});
