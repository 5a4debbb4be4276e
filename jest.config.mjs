// Jest 30 projects. `next/jest` gives each project Next's SWC transform, so TypeScript and JSX need no
// Babel or ts-node (a jest.config.ts would need ts-node: this file is .mjs on purpose).
import path from 'node:path';
import nextJest from 'next/jest.js';

const createJestConfig = nextJest({ dir: './' });

// Parsed lessons shared by every test file and worker of a run (lib/content/lesson-model-cache.ts): about
// thirty files read the lessons, each parse of all twelve about 2 s. Keyed by content and reader source.
process.env.LAB_LESSON_CACHE_DIR ??= path.join(process.cwd(), 'node_modules', '.cache', 'http-auth-lab', 'lessons');

// ESM-only packages Jest must transform rather than skip. The second group is the MDX reader (unified,
// remark-mdx and their micromark/mdast/unist helpers; mdast-util-to-hast and rehype-slug for heading ids)
// that lib/content/lesson-model.ts reads lessons with.
const esmPackages = [
  'jose',
  ...['unified', 'bail', 'devlop', 'is-plain-obj', 'trough', 'vfile[^/]*', 'unist-[^/]+', 'remark-[^/]+', 'mdast-[^/]+'],
  ...['rehype-slug', 'github-slugger', 'hast-util-[^/]+', 'trim-lines'],
  ...['micromark[^/]*', 'decode-named-character-reference', 'character-[^/]+', 'longest-streak', 'zwitch', 'ccount'],
  ...['parse-entities', 'is-alphanumerical', 'is-alphabetical', 'is-decimal', 'is-hexadecimal', 'stringify-entities'],
  ...['estree-util-[^/]+', 'escape-string-regexp', 'fault'],
  // The HTML reader and writer of the SCORM packages' static copy (lib/export/static-copy.ts).
  ...['oauth4webapi'],
  ...['hastscript', 'property-information', 'parse5', 'entities', 'space-separated-tokens', 'comma-separated-tokens', 'web-namespaces', 'html-void-elements'],
];
const transformIgnorePatterns = [`/node_modules/(?!(${esmPackages.join('|')})/)`];
const moduleNameMapper = { '^@/(.*)$': '<rootDir>/$1' };

/** @param {import('jest').Config} project */
async function project(project) {
  const config = await createJestConfig(project)();
  return { ...config, transformIgnorePatterns };
}

const config = {
  reporters: ['default'],
  testSequencer: '<rootDir>/tests/setup/sequencer.mjs',
  projects: [
    await project({
      displayName: 'unit',
      testEnvironment: 'node',
      moduleNameMapper,
      setupFiles: ['<rootDir>/tests/setup/env.ts'],
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/', '<rootDir>/tests/http/'],
    }),
    await project({
      displayName: 'components',
      testEnvironment: 'jsdom',
      moduleNameMapper,
      setupFilesAfterEnv: ['<rootDir>/tests/setup/components.ts'],
      testMatch: ['<rootDir>/tests/**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/browser/'],
    }),
    // Real HTTP against the production server (globalSetup builds if needed and starts it): curl, Python,
    // wget, raw sockets, fetch. No browser.
    await project({
      displayName: 'http',
      testEnvironment: 'node',
      moduleNameMapper,
      testMatch: ['<rootDir>/tests/http/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/http/support/global-setup.mjs',
      globalTeardown: '<rootDir>/tests/http/support/global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/tests/http/support/setup.ts'],
    }),
    // Chromium against the same server: its globalSetup also launches the one browser every test file
    // connects to (a fresh context per test).
    await project({
      displayName: 'browser',
      testEnvironment: 'node',
      moduleNameMapper,
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/browser/support/global-setup.mjs',
      globalTeardown: '<rootDir>/tests/browser/support/global-teardown.mjs',
      setupFilesAfterEnv: ['<rootDir>/tests/browser/support/setup.ts'],
    }),
  ],
};

export default config;
