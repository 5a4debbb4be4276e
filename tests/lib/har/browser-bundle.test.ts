import path from 'node:path';
import { build } from 'esbuild';

// lib/har runs in the troubleshooting page's Web Worker: bundled for the browser, nothing it imports, however
// indirectly, may need Node (ESLint checks lib/har's own imports; this checks everything they pull in).

const root = path.join(__dirname, '../../..');

test('lib/har bundles for the browser, with no Node built-in anywhere in its imports', async () => {
  const result = await build({
    entryPoints: [path.join(root, 'lib/har/index.ts')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfig: path.join(root, 'tsconfig.json'),
  });
  expect(result.errors).toEqual([]);
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((input) => input.startsWith('node:') || /^(?:fs|path|crypto|http|net|os)$/.test(input))).toEqual([]);
  // Nothing of the server edge, the HTTP adapters, React or Next is pulled in.
  expect(inputs.filter((input) => /lib\/sandbox\/(?:http|edge)\/|node_modules\/(?:react|next)\//.test(input))).toEqual([]);
}, 30_000);
