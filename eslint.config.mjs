import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  // One way to link to a page of the lab: SiteLink (prefetch on intent, not on sight).
  {
    files: ['app/**', 'components/**'],
    ignores: ['components/layout/SiteLink.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'next/link',
              message: 'Use SiteLink from @/components/layout/SiteLink: it prefetches when the reader shows intent, not when the link scrolls into view.',
            },
          ],
        },
      ],
    },
  },
  // No import cycles anywhere (docs/architecture: imports point downwards only). A cycle is a layer that
  // imports upwards, often hidden behind a dynamic import(); tests/lint/import-rules.test.ts holds the rule.
  {
    files: ['{lib,components,app,scripts}/**/*.{ts,tsx,mjs}', '*.{ts,tsx,mjs}', 'tests/fixtures/lint/**'],
    rules: { 'import/no-cycle': ['error', { ignoreExternal: true }] },
  },
  // The sandbox's pure layers (scenario, engine, exchange, routes, openapi) never reach for the HTTP
  // adapters or the server edge; only those two know about node:http, sockets and the environment.
  {
    files: ['lib/sandbox/**'],
    ignores: ['lib/sandbox/http/**', 'lib/sandbox/edge/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/http/*', '**/edge/*', '@/lib/sandbox/http/*', '@/lib/sandbox/edge/*'],
              message: 'Pure sandbox layers must not import the HTTP adapters (lib/sandbox/http) or the server edge (lib/sandbox/edge).',
            },
            { group: ['next', 'next/*', 'react', 'react-dom', 'react/*'], message: 'lib/sandbox runs outside Next and React.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lib/http-auth/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['next', 'next/*', 'react', 'react-dom', 'react/*', '@/lib/*', '@/components/*', '@/app/*'],
              message: 'lib/http-auth is a stand-alone RFC library: it imports nothing of the lab, Next or React.',
            },
          ],
        },
      ],
    },
  },
  // OAuth's protocol rules (PKCE, metadata, redirect URIs, error responses): pure and browser-capable, for
  // the lab's authorization server and the playground alike. They build on lib/http-auth and zod only.
  {
    files: ['lib/oauth/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'next',
                'next/*',
                'react',
                'react-dom',
                'react/*',
                'node:*',
                '@/lib/sandbox/*',
                '@/lib/content/*',
                '@/lib/site/*',
                '@/components/*',
                '@/app/*',
              ],
              message: 'lib/oauth is pure protocol code that also runs in the browser: it imports lib/http-auth and lib/zod only.',
            },
          ],
        },
      ],
    },
  },
  // Reading recorded traffic (HAR, curl -v): runs in the page and in a Web Worker, so nothing of Node, Next or
  // React, and nothing of the server edge or the HTTP adapters.
  {
    files: ['lib/har/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['next', 'next/*', 'react', 'react-dom', 'react/*', 'node:*', '@/lib/sandbox/http/*', '@/lib/sandbox/edge/*', '@/components/*', '@/app/*'],
              message: 'lib/har runs in a browser and a Web Worker: no Node, Next or React imports, and no server code.',
            },
          ],
        },
      ],
    },
  },
  { ignores: ['tests/fixtures/lint/**', '.next/**', 'bench/floor-app/.next/**', 'node_modules/**', 'test-results/**', 'dist/**', 'next-env.d.ts'] },
];

export default config;
