import path from 'node:path';
import { fileURLToPath } from 'node:url';
import createMDX from '@next/mdx';
import { sameOriginFramingHeaders, securityHeaders } from './lib/site/security-headers.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

// Plugins are named by string (module name or absolute path) so Turbopack can serialise the options.
const withMDX = createMDX({
  options: {
    remarkPlugins: ['remark-frontmatter'],
    rehypePlugins: ['rehype-slug', path.join(root, 'lib/content/mdx/rehype-sections.mjs'), path.join(root, 'lib/content/mdx/rehype-code-blocks.mjs')],
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  pageExtensions: ['ts', 'tsx', 'mdx'],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders() },
      // Every page but the embeds refuses to be framed by other sites (the embeds: proxy.ts).
      { source: '/', headers: sameOriginFramingHeaders() },
      { source: '/:first((?!embed(?:/|$))[^/]+)/:rest*', headers: sameOriginFramingHeaders() },
    ];
  },
};

export default withMDX(nextConfig);
