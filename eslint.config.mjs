import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypeScript,
  { ignores: ['.next/**', 'bench/floor-app/.next/**', 'node_modules/**', 'test-results/**', 'dist/**', 'next-env.d.ts'] },
];

export default config;
