import { talksToSandbox } from '@/lib/content/mdx/sandbox-code.mjs';

describe('talksToSandbox', () => {
  test.each([
    ['curl -i http://localhost:3000/api/sandbox/basic', true],
    ['curl -x http://localhost:3000 --proxy-user alice:wonderland http://localhost:3000/api/sandbox/proxy', true],
    ["const SANDBOX = 'http://localhost:3000/api/sandbox';", true],
    ["fetch('/api/sandbox/proxy', { credentials: 'omit' })", true],
    ["printf '%s' 'alice:wonderland' | base64", false],
    ['curl -v -x http://proxy.example.net:3128 https://api.example.com/', false],
    ['curl http://localhost:3000/api/sandboxes', false],
  ])('%s → %s', (code, expected) => {
    expect(talksToSandbox(code)).toBe(expected);
  });
});
