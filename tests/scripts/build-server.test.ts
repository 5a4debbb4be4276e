/** @jest-environment node */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { bundleServer, SERVER_BUNDLE, SERVER_ENTRY } from '../../scripts/build-server.mjs';
import { serverNodeFlags } from '../../scripts/serve-build.mjs';

// scripts/build-server.mjs, the last step of npm run build: server.ts and the lab's code in one ES module
// that plain `node` runs, with `next` left to node_modules. Bundled in memory here (about a second).

const root = process.cwd();
let bundle: Awaited<ReturnType<typeof bundleServer>>;

beforeAll(async () => {
  bundle = await bundleServer({ write: false });
}, 60_000);

test('takes in server.ts and the lab code it imports, never Next, tsx or TypeScript', () => {
  const inputs = Object.keys(bundle.metafile.inputs);
  expect(inputs).toEqual(expect.arrayContaining([SERVER_ENTRY, 'lib/sandbox/engine/engine.ts', 'lib/sandbox/http/node.ts', 'lib/http-auth/parse.ts']));
  expect(inputs.filter((input) => /node_modules\/(next|tsx|esbuild|typescript)\//.test(input))).toEqual([]);
});

test('imports only Node builtins, next, and the Redis client (dynamically, for REDIS_URL) at run time', () => {
  const output = bundle.metafile.outputs[SERVER_BUNDLE];
  expect(output).toBeDefined();
  const imports = output?.imports ?? [];
  const paths = new Set(imports.map((entry) => entry.path));
  expect(paths).toContain('next');
  expect(paths).toContain('node:http');
  expect([...paths].filter((specifier) => specifier !== 'next' && specifier !== '@redis/client' && !isBuiltin(specifier))).toEqual([]);
  // Loaded only when REDIS_URL is set: a deployment without it never reads the package.
  expect(imports.filter((entry) => entry.path === '@redis/client').map((entry) => entry.kind)).toEqual(['dynamic-import']);
});

test('is JavaScript that node parses with no loader', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'build-server-'));
  const file = path.join(dir, 'server.mjs');
  fs.writeFileSync(file, bundle.outputFiles?.[0]?.text ?? '');
  const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
  fs.rmSync(dir, { recursive: true });
});

test('npm start runs the bundle with node and its heap cap, and needs no dev dependency for it', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  expect(pkg.scripts.start).toMatch(new RegExp(`^NODE_ENV=production exec node .*${SERVER_BUNDLE.replace('.', '\\.')}$`));
  expect(serverNodeFlags()).toEqual([expect.stringMatching(/^--max-old-space-size=\d+$/)]);
  expect(pkg.scripts.build).toMatch(/node scripts\/build-server\.mjs/);
  // The Docker image prunes dev dependencies before it runs npm start.
  expect(Object.keys(pkg.dependencies)).not.toEqual(expect.arrayContaining(['tsx']));
  expect(Object.keys(pkg.dependencies)).not.toEqual(expect.arrayContaining(['esbuild']));
});
