import fc from 'fast-check';
import { basicReuse, mayReuseCredentials, reusePrefix } from '@/lib/http-auth';

// RFC 7617 §2.2: paths at or deeper than the last "/" of the authenticated request-target, same origin.

describe('mayReuseCredentials (RFC 7617 §2.2)', () => {
  const accepted = 'https://api.example.com/docs/reports/q3.html';

  test.each<[string, string, boolean]>([
    // The lesson's own example (content/lessons/03-basic-authentication.mdx, "Reuse by path prefix").
    [accepted, 'https://api.example.com/docs/reports/q4.html', true],
    [accepted, 'https://api.example.com/docs/reports/2024/summary', true],
    [accepted, 'https://api.example.com/docs/index.html', false],
    [accepted, 'https://staging.example.com/docs/reports/q4.html', false],
    // The URL itself, and the prefix itself.
    [accepted, accepted, true],
    [accepted, 'https://api.example.com/docs/reports/', true],
    // The prefix ends at the slash: a sibling folder that merely starts with the same letters is outside.
    [accepted, 'https://api.example.com/docs/reports-old/q3.html', false],
    [accepted, 'https://api.example.com/docs/reports', false],
    // A request-target ending in "/" keeps all of itself as the prefix.
    ['https://api.example.com/docs/', 'https://api.example.com/docs/a/b', true],
    ['https://api.example.com/docs/', 'https://api.example.com/', false],
    // /docs (no trailing slash) reaches everything below the root.
    ['https://api.example.com/docs', 'https://api.example.com/other', true],
    // Another scheme or port is another origin (RFC 9110 §11.5); the default port is the same origin.
    [accepted, 'http://api.example.com/docs/reports/q4.html', false],
    [accepted, 'https://api.example.com:8443/docs/reports/q4.html', false],
    [accepted, 'https://api.example.com:443/docs/reports/q4.html', true],
    // The query is not part of the path; dot segments are resolved before comparing.
    ['https://api.example.com/docs/reports/q3.html?year=2024', 'https://api.example.com/docs/reports/q4.html', true],
    [accepted, 'https://api.example.com/docs/reports/../index.html', false],
    // Paths are case-sensitive.
    [accepted, 'https://api.example.com/Docs/reports/q4.html', false],
    // Not URLs at all, or not http(s).
    [accepted, '/docs/reports/q4.html', false],
    ['ftp://api.example.com/docs/reports/q3.html', 'ftp://api.example.com/docs/reports/q4.html', false],
  ])('accepted on %s, then %s: %s', (authenticated, candidate, expected) => {
    expect(mayReuseCredentials(authenticated, candidate)).toBe(expected);
  });

  test('says why: the prefix, or the other origin', () => {
    expect(basicReuse(accepted, 'https://api.example.com/docs/index.html')).toEqual({ kind: 'outside-prefix', prefix: '/docs/reports/' });
    expect(basicReuse(accepted, 'https://api.example.com/docs/reports/q4.html')).toEqual({ kind: 'preemptive', prefix: '/docs/reports/' });
    expect(basicReuse(accepted, 'https://staging.example.com/x')).toEqual({ kind: 'other-origin', origin: 'https://staging.example.com' });
    expect(basicReuse('not a url', accepted)).toEqual({ kind: 'not-a-url' });
  });

  test('reusePrefix removes the last path segment', () => {
    expect(reusePrefix('/docs/a/b')).toBe('/docs/a/');
    expect(reusePrefix('/docs/a/')).toBe('/docs/a/');
    expect(reusePrefix('/')).toBe('/');
  });

  const segment = fc.stringMatching(/^[a-z0-9]{1,6}$/);
  const path = fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.join('/')}`);

  test('property: anything appended below the prefix may have the credentials, on the same origin only', () => {
    fc.assert(
      fc.property(path, segment, fc.array(segment, { maxLength: 3 }), (authenticatedPath, last, deeper) => {
        const authenticated = `https://lab.example${authenticatedPath}`;
        const below = `https://lab.example${reusePrefix(authenticatedPath)}${[...deeper, last].join('/')}`;
        expect(mayReuseCredentials(authenticated, below)).toBe(true);
        expect(mayReuseCredentials(authenticated, below.replace('https://lab.example', 'https://other.example'))).toBe(false);
      }),
    );
  });

  test("property: a path is covered exactly when it starts with the prefix, and the prefix's parent never is", () => {
    fc.assert(
      fc.property(path, path, (a, b) => {
        const reuse = mayReuseCredentials(`https://lab.example${a}`, `https://lab.example${b}`);
        expect(reuse).toBe(b.startsWith(reusePrefix(a)));
        // The prefix's parent folder is never covered (unless the prefix is the root).
        const prefix = reusePrefix(a);
        if (prefix !== '/') expect(mayReuseCredentials(`https://lab.example${a}`, `https://lab.example${reusePrefix(prefix.slice(0, -1))}`)).toBe(false);
      }),
    );
  });
});
