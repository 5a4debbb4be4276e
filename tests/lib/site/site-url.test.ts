/** @jest-environment node */
// SITE_URL and the warning for whatever bakes it in: `npm run build` (scripts/warn-site-url.mjs) and the
// PDF and SCORM exports (scripts/export/export-origin.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { exportOrigin } from '@/scripts/export/export-origin';
import { isLocalHostname, localSiteUrlWarning, siteUrlFrom } from '@/lib/site/site-url.mjs';

const root = process.cwd();

afterEach(() => {
  delete process.env.SITE_URL;
  jest.restoreAllMocks();
});

describe('siteUrlFrom', () => {
  test('SITE_URL when it is an http(s) URL, else localhost on PORT', () => {
    expect(siteUrlFrom('https://lab.example.edu/', '8080').origin).toBe('https://lab.example.edu');
    expect(siteUrlFrom(undefined, '8080').origin).toBe('http://localhost:8080');
    expect(siteUrlFrom(undefined, undefined).origin).toBe('http://localhost:3000');
    expect(siteUrlFrom('lab.example.edu', undefined).origin).toBe('http://localhost:3000');
    expect(siteUrlFrom('javascript:alert(1)', undefined).origin).toBe('http://localhost:3000');
  });
});

describe('localSiteUrlWarning', () => {
  test.each([
    [undefined, /http:\/\/localhost:3000 \(SITE_URL is not set\)/],
    ['', /SITE_URL is not set/],
    ['lab.example.edu', /SITE_URL "lab.example.edu" is not an absolute http\(s\) URL/],
    ['http://localhost:8080', /http:\/\/localhost:8080 \(SITE_URL names this machine, localhost\)/],
    ['http://127.0.0.1:3000', /names this machine, 127\.0\.0\.1/],
    ['http://[::1]:3000', /names this machine, \[::1\]/],
    ['http://lab.localhost', /names this machine, lab\.localhost/],
  ])('SITE_URL=%s: a warning that says what and why, and how to fix it', (configured, why) => {
    const warning = localSiteUrlWarning(configured, 'The PDF handouts');
    expect(warning).toMatch(why);
    expect(warning).toMatch(/WARNING: The PDF handouts will link to/);
    expect(warning).toContain('SITE_URL=https://');
  });

  test.each(['https://lab.example.edu', 'http://10.0.0.5:8080', 'https://localhost.example.org'])('SITE_URL=%s: no warning', (configured) => {
    expect(localSiteUrlWarning(configured, 'This build')).toBeUndefined();
  });

  test('isLocalHostname', () => {
    expect(['localhost', 'LOCALHOST.', 'a.localhost', '127.1.2.3', '0.0.0.0', '[::1]', '[::ffff:7f00:1]'].filter((name) => !isLocalHostname(name))).toEqual([]);
    expect(['lab.example.edu', 'localhost.example.org', '128.0.0.1', '[2001:db8::1]'].filter(isLocalHostname)).toEqual([]);
  });
});

describe('npm run build warns, and does not fail', () => {
  const warn = (env: Record<string, string>) =>
    spawnSync(process.execPath, [path.join(root, 'scripts/warn-site-url.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SITE_URL: '', PORT: '', ...env },
    });

  test('the build script ends with the check', () => {
    const build: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.build;
    expect(build.split(' && ').at(-1)).toBe('node scripts/warn-site-url.mjs');
  });

  test('SITE_URL unset: the warning on stderr, exit status 0', () => {
    const result = warn({});
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/WARNING: This build’s canonical links, oEmbed discovery, sitemap and robots\.txt will link to http:\/\/localhost:3000/);
    expect(result.stdout).toBe('');
  });

  test('a public SITE_URL: silence', () => {
    const result = warn({ SITE_URL: 'https://lab.example.edu' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('the exports take SITE_URL when they run', () => {
  test('a public one: its origin, no warning', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    process.env.SITE_URL = 'https://lab.example.edu/';
    expect(exportOrigin('The PDF handouts’ commands')).toBe('https://lab.example.edu');
    expect(error).not.toHaveBeenCalled();
  });

  test('none: localhost, and the warning on stderr', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => {});
    expect(exportOrigin('The SCORM packages’ commands and links')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/WARNING: The SCORM packages’ commands and links will link to http:\/\/localhost/));
  });
});
