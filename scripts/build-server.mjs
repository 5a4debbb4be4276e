// After `next build` (npm run build runs it): bundles server.ts, the production entry, and the lab's own
// code it imports (`@/lib/...`, resolved through tsconfig.json's paths) into one ES module, dist/server.mjs,
// which `npm start` runs with plain `node`. Production then needs no TypeScript loader (tsx and esbuild are
// dev dependencies, pruned from the Docker image), and every imported name is a direct reference in one
// module scope, not a getter on a CommonJS exports object as when tsx ran server.ts.
//
// `next` stays external: Next's custom-server setup loads it from node_modules at run time, with the build
// in .next that it reads. So does `@redis/client`, which only a deployment with REDIS_URL loads (a dynamic
// import in lib/sandbox/store/redis.ts): it is CommonJS that requires Node's builtins, which an ES module
// bundle cannot, and would add some 400 modules for a setting most never use. The other packages (zod,
// jose, @noble/hashes) are bundled, so the file imports only Node's builtins, `next` and `@redis/client`.
//
// dist/ (gitignored, like .next) rather than .next/: `next build` empties .next, and the folder is Next's.
// The bundle sits one folder below the project root, which server.ts takes as Next's `dir`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The production entry and its bundle, relative to the project root. */
export const SERVER_ENTRY = 'server.ts';
export const SERVER_BUNDLE = 'dist/server.mjs';

/**
 * Bundles server.ts. `write: false` keeps the result in memory (the unit test reads it); the metafile
 * says which sources went in and what the bundle imports.
 * @param {{ write?: boolean }} [options]
 */
export function bundleServer({ write = true } = {}) {
  return esbuild.build({
    absWorkingDir: root,
    entryPoints: [SERVER_ENTRY],
    outfile: SERVER_BUNDLE,
    tsconfig: 'tsconfig.json',
    bundle: true,
    platform: 'node',
    format: 'esm',
    // package.json's engines: Node 20.9 or newer.
    target: 'node20.9',
    external: ['next', '@redis/client'],
    // A CommonJS package bundled into this ES module (yaml, which reads the compatibility cases) may
    // require() a Node builtin at load; ES modules have no require, so the bundle makes one first.
    banner: { js: "import { createRequire as labCreateRequire } from 'node:module'; const require = labCreateRequire(import.meta.url);" },
    // Not minified: stack traces keep the functions' names, and each module's code is headed by its path.
    minify: false,
    legalComments: 'none',
    metafile: true,
    write,
    logLevel: 'warning',
  });
}

// No top-level await: Jest (the unit test imports this file) compiles it to CommonJS.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  bundleServer().then(
    ({ metafile }) => {
      const bytes = metafile.outputs[SERVER_BUNDLE]?.bytes ?? 0;
      console.log(
        `build-server: ${SERVER_ENTRY} bundled into ${SERVER_BUNDLE} (${(bytes / 1024).toFixed(0)} KiB, ${Object.keys(metafile.inputs).length} modules).`,
      );
    },
    () => {
      // esbuild has printed what failed.
      process.exitCode = 1;
    },
  );
}
