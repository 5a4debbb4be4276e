import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import createMDX from '@next/mdx';
import { apiSecurityHeaders, pageSecurityHeaders, securityHeaders } from './lib/site/security-headers.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

// Turbopack's build cache (.next/cache) keys a compiled lesson on the lesson and the loader's options,
// not on the code of the plugins the options name: after a plugin changed, a build with a warm cache
// kept the lessons as the old plugin had compiled them. The digest of the lab's own MDX plugins (and
// what they import) is passed to them as an option, so a change to any of them is a change of options.
const MDX_PLUGIN_SOURCES = ['lib/content/mdx', 'lib/site/lab-origin.mjs'];
const mdxPluginsDigest = createHash('sha256')
  .update(
    MDX_PLUGIN_SOURCES.flatMap((entry) => {
      const full = path.join(root, entry);
      return fs.statSync(full).isDirectory()
        ? fs
            .readdirSync(full)
            .sort()
            .map((name) => path.join(full, name))
        : [full];
    })
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\0'),
  )
  .digest('hex');

/** @param {string} file one of the lab's MDX plugins, under lib/content/mdx */
const labPlugin = (file) => [path.join(root, 'lib/content/mdx', file), { sourceDigest: mdxPluginsDigest }];

// Plugins are named by string (module name or absolute path) so Turbopack can serialise the options.
const withMDX = createMDX({
  options: {
    remarkPlugins: ['remark-frontmatter'],
    rehypePlugins: ['rehype-slug', labPlugin('rehype-sections.mjs'), labPlugin('rehype-code-blocks.mjs')],
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ['ts', 'tsx', 'mdx'],
  poweredByHeader: false,
  // Loaded from node_modules, not bundled into the route handlers: only a deployment with REDIS_URL loads it
  // (lib/sandbox/store/redis.ts), and in production the one server.ts connected is the one they use.
  serverExternalPackages: ['@redis/client'],
  reactStrictMode: true,
  // `next build` type-checks the whole project, as `tsc --noEmit` does. scripts/test.sh runs tsc beside the
  // lint (where the type check costs no wall time) and then builds with LAB_TYPES_CHECKED=1, so the same
  // program is not checked twice on the run's critical path (about 9 s). Every other build checks types.
  typescript: { ignoreBuildErrors: process.env.LAB_TYPES_CHECKED === '1' },
  async headers() {
    // React's development build needs eval (Next's CSP guide); the production build never uses it.
    const development = process.env.NODE_ENV === 'development';
    return [
      { source: '/:path*', headers: securityHeaders() },
      // Every page (and asset) but the embeds and the API: the full policy, framed by the lab only.
      // The embeds get the same policy from proxy.ts, with EMBED_FRAME_ANCESTORS read at run time.
      { source: '/:path((?!embed(?:/|$)|api/).*)', headers: pageSecurityHeaders({ development }) },
      // JSON answered through Next (oEmbed; under `next dev` the sandbox too): a policy allowing nothing.
      { source: '/api/:path+', headers: apiSecurityHeaders() },
    ];
  },
};

export default withMDX(nextConfig);
