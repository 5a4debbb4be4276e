/** @jest-environment node */
import { downloadLabOrigin, selfOrigin } from '@/lib/site/download-origin';

describe('the lab a download names', () => {
  test.each([
    [
      'SITE_URL wins over the Host',
      'http://localhost:3000/x',
      'evil.example',
      'https://lab.example.org/base/',
      { origin: 'https://lab.example.org', source: 'site-url' },
    ],
    [
      'no SITE_URL: the Host the request named',
      'http://localhost:3000/x',
      'lab.example.net:8443',
      undefined,
      { origin: 'http://lab.example.net:8443', source: 'request' },
    ],
    [
      'a Host that is not a plain host[:port] is not believed',
      'http://localhost:3000/x',
      'a"b.example',
      undefined,
      { origin: 'http://localhost:3000', source: 'request' },
    ],
    [
      'a SITE_URL that is not http(s) is ignored',
      'https://lab.example.org/x',
      null,
      'ftp://lab.example.org',
      { origin: 'https://lab.example.org', source: 'request' },
    ],
  ])('%s', (_name, url, host, configured, expected) => {
    expect(downloadLabOrigin(url, host, configured)).toEqual(expected);
  });
});

describe("the site's own loopback listener", () => {
  test.each([
    [{ LAB_SELF_ORIGIN: 'http://127.0.0.1:4321' }, 'http://127.0.0.1:4321'],
    [{ LAB_SELF_ORIGIN: 'http://[::1]:4321' }, 'http://[::1]:4321'],
    // Only loopback is taken from the environment: anything else falls back to PORT.
    [{ LAB_SELF_ORIGIN: 'http://evil.example:80', PORT: '8080' }, 'http://127.0.0.1:8080'],
    [{ PORT: 'nope' }, 'http://127.0.0.1:3000'],
    [{}, 'http://127.0.0.1:3000'],
  ])('%j → %s', (env, expected) => {
    expect(selfOrigin(env as NodeJS.ProcessEnv)).toBe(expected);
  });
});
