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
      'no-restricted-imports': ['error', { paths: [{ name: 'next/link', message: 'Use SiteLink from @/components/layout/SiteLink: it prefetches when the reader shows intent, not when the link scrolls into view.' }] }],
    },
  },
  { ignores: ['.next/**', 'bench/floor-app/.next/**', 'node_modules/**', 'test-results/**', 'dist/**', 'next-env.d.ts'] },
];

export default config;
