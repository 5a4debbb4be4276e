import fc from 'fast-check';
import { htuMatches, normalizeHtu } from '@/lib/http-auth';

// RFC 9449 §4.3 step 9 and RFC 3986 §6.2.2 (syntax-based) and §6.2.3 (scheme-based) normalization.

describe('normalizeHtu', () => {
  test.each([
    ['https://server.example.com/token', 'https://server.example.com/token'],
    // §6.2.2.1: scheme and host are case-insensitive; percent-encoding hex is written upper case.
    ['HTTPS://Server.EXAMPLE.com/Token', 'https://server.example.com/Token'],
    ['https://example.com/a%2fb', 'https://example.com/a%2Fb'],
    // §6.2.2.2: percent-encoded unreserved characters are decoded; others stay encoded.
    ['https://example.com/%7Euser/%41%62%2D%2E%5F', 'https://example.com/~user/Ab-._'],
    ['https://example.com/a%20b', 'https://example.com/a%20b'],
    ['https://ex%41mple.com/', 'https://example.com/'],
    // §6.2.2.3: dot-segments are removed (§5.2.4).
    ['https://example.com/a/./b/../c', 'https://example.com/a/c'],
    ['https://example.com/../a', 'https://example.com/a'],
    ['https://example.com/a/%2E%2E/b', 'https://example.com/b'],
    // §6.2.3: an empty path is "/", a default or empty port is left out.
    ['https://example.com', 'https://example.com/'],
    ['https://example.com:443/x', 'https://example.com/x'],
    ['http://example.com:80/x', 'http://example.com/x'],
    ['https://example.com:/x', 'https://example.com/x'],
    ['https://example.com:8443/x', 'https://example.com:8443/x'],
    ['https://example.com:0443/x', 'https://example.com/x'],
    ['https://example.com:08443/x', 'https://example.com:8443/x'],
    ['https://example.com:0/x', 'https://example.com:0/x'],
    ['https://example.com:99999999999999999999999/x', 'https://example.com:99999999999999999999999/x'],
    ['http://example.com:443/x', 'http://example.com:443/x'],
    ['https://[2001:DB8::1]:443/x', 'https://[2001:db8::1]/x'],
    ['https://[2001:db8::1]:8080/x', 'https://[2001:db8::1]:8080/x'],
    // RFC 9449 §4.2, §4.3 step 9: query and fragment are not part of htu.
    ['https://example.com/x?y=1#z', 'https://example.com/x'],
    ['https://example.com?y=1', 'https://example.com/'],
    // Paths keep their case, and a trailing slash is a different path.
    ['https://example.com/x/', 'https://example.com/x/'],
  ])('%s -> %s', (input, normal) => {
    expect(normalizeHtu(input)).toBe(normal);
  });

  test.each([
    '/token',
    'server.example.com/token',
    'ftp://example.com/x',
    'urn:x:y',
    'https:///x',
    'https://example.com/a b',
    'https://example.com/%zz',
    'https://ex ample.com/',
    'https://[::1/x',
    'https://example.com:http/x',
  ])('%s is not an absolute http(s) URI', (input) => {
    expect(normalizeHtu(input)).toBeUndefined();
    expect(htuMatches(input, input)).toBe(false);
  });
});

const hostLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const host = fc.array(hostLabel, { minLength: 1, maxLength: 3 }).map((labels) => labels.join('.'));
// Path segments of unreserved characters with no dot-segments: two different ones are different resources.
const segment = fc.stringMatching(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]{0,8}$/);
const path = fc.array(segment, { minLength: 0, maxLength: 4 }).map((segments) => `/${segments.join('/')}`);
const scheme = fc.constantFrom('http', 'https');
const query = fc.option(fc.stringMatching(/^[a-z0-9=&]{0,8}$/), { nil: undefined });
const uri = fc
  .record({ scheme, host, path, query })
  .map(({ scheme, host, path, query }) => `${scheme}://${host}${path}${query === undefined ? '' : `?${query}`}`);

function randomCase(text: string, flips: readonly boolean[]): string {
  return [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join('');
}

describe('properties of htu comparison', () => {
  test('any string is either refused or normalized, never thrown on, and a normal form is its own normal form', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }).map((s) => `https://${s}`),
        ),
        (u) => {
          const once = normalizeHtu(u);
          if (once !== undefined) expect(normalizeHtu(once)).toBe(once);
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('normalizing twice changes nothing', () => {
    fc.assert(
      fc.property(fc.oneof(uri, fc.webUrl({ withQueryParameters: true, withFragments: true })), (u) => {
        const once = normalizeHtu(u);
        expect(once === undefined ? undefined : normalizeHtu(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  test('case of scheme and host, a default port and a query never make two URIs differ', () => {
    fc.assert(
      fc.property(scheme, host, path, fc.array(fc.boolean(), { minLength: 1 }), (s, h, p, flips) => {
        const port = s === 'https' ? ':443' : ':80';
        expect(htuMatches(`${s}://${h}${p}`, `${randomCase(s, flips)}://${randomCase(h, flips)}${port}${p}?q=1#f`)).toBe(true);
      }),
    );
  });

  test('percent-encoding an unreserved character of the path never makes two URIs differ', () => {
    fc.assert(
      fc.property(uri, fc.nat(), (u, at) => {
        const pathStart = u.indexOf('/', u.indexOf('//') + 2);
        const end = u.includes('?') ? u.indexOf('?') : u.length;
        if (pathStart === -1 || pathStart + 1 >= end) return;
        const i = pathStart + 1 + (at % (end - pathStart - 1));
        const c = u.charAt(i);
        if (c === '/') return;
        const encoded = `${u.slice(0, i)}%${c.charCodeAt(0).toString(16)}${u.slice(i + 1)}`;
        expect(htuMatches(u, encoded)).toBe(true);
      }),
    );
  });

  test('different paths, hosts or schemes never match', () => {
    fc.assert(
      fc.property(scheme, host, path, path, (s, h, p1, p2) => {
        fc.pre(p1 !== p2);
        expect(htuMatches(`${s}://${h}${p1}`, `${s}://${h}${p2}`)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(host, host, path, (h1, h2, p) => {
        fc.pre(h1 !== h2);
        expect(htuMatches(`https://${h1}${p}`, `https://${h2}${p}`)).toBe(false);
        expect(htuMatches(`https://${h1}${p}`, `http://${h1}${p}`)).toBe(false);
      }),
    );
  });
});
