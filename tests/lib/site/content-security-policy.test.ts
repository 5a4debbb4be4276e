import { API_POLICY, pageDirectives, pagePolicy, serializePolicy } from '@/lib/site/content-security-policy.mjs';
import { apiSecurityHeaders, embedPolicy, pageSecurityHeaders } from '@/lib/site/security-headers.mjs';

/** A header value back into directive name -> sources (CSP3 §2.2.1: directives split on ";"). */
function parse(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    // CSP3: a repeated directive is ignored after the first, so a repeat would be a silent bug.
    expect(directives.has(name)).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

const PAGE_DIRECTIVES = [
  'default-src',
  'script-src',
  'script-src-attr',
  'style-src',
  'img-src',
  'font-src',
  'connect-src',
  'worker-src',
  'frame-src',
  'form-action',
  'base-uri',
  'object-src',
  'frame-ancestors',
];

describe("the pages' Content-Security-Policy", () => {
  const production = parse(pagePolicy());

  test('names every directive once, each with sources', () => {
    expect([...production.keys()]).toEqual(PAGE_DIRECTIVES);
    for (const sources of production.values()) expect(sources.length).toBeGreaterThan(0);
  });

  test('loads everything from the lab itself and nothing from elsewhere', () => {
    expect(production.get('default-src')).toEqual(["'self'"]);
    for (const name of ['img-src', 'font-src', 'connect-src', 'worker-src', 'frame-src', 'form-action']) expect(production.get(name)).toEqual(["'self'"]);
    expect(production.get('object-src')).toEqual(["'none'"]);
    expect(production.get('base-uri')).toEqual(["'none'"]);
    expect(production.get('frame-ancestors')).toEqual(["'self'"]);
    // No scheme or host wildcard anywhere a page loads from.
    for (const [name, sources] of production)
      if (name !== 'frame-ancestors') expect(sources.filter((source) => /^(\*|https?:|data:|blob:)/.test(source))).toEqual([]);
  });

  test('the production build never allows eval; only `next dev` does, for React', () => {
    expect(pagePolicy()).not.toContain('unsafe-eval');
    const development = parse(pagePolicy({ development: true }));
    expect(development.get('script-src')).toContain("'unsafe-eval'");
    // Nothing else is looser in development.
    development.set(
      'script-src',
      (development.get('script-src') ?? []).filter((source) => source !== "'unsafe-eval'"),
    );
    expect(development).toEqual(production);
  });

  test("inline script elements run (Next's flight data, the theme script); inline event handlers never do", () => {
    expect(production.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(production.get('script-src-attr')).toEqual(["'none'"]);
    // A hash or nonce would make CSP3 browsers ignore 'unsafe-inline' and block Next's inline scripts.
    expect(pagePolicy()).not.toMatch(/'(sha256|sha384|sha512|nonce)-/);
  });

  test('is what every page but the embeds sends, with X-Frame-Options for older browsers', () => {
    expect(pageSecurityHeaders()).toEqual([
      { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
      { key: 'Content-Security-Policy', value: pagePolicy() },
    ]);
  });
});

describe("the embeds' policy", () => {
  const withoutFrameAncestors = (policy: string) => {
    const directives = parse(policy);
    directives.delete('frame-ancestors');
    return directives;
  };

  test.each([
    [undefined, ['*']],
    ['*', ['*']],
    ['https://lms.example.edu https://*.example.org', ['https://lms.example.edu', 'https://*.example.org']],
    // Invalid: never "anyone" (server.ts refuses to start with it anyway).
    ['https://lms.example.edu; script-src *', ["'self'"]],
  ])('EMBED_FRAME_ANCESTORS=%p: frame-ancestors %p, everything else as on every page', (configured, ancestors) => {
    const policy = embedPolicy(configured);
    expect(parse(policy).get('frame-ancestors')).toEqual(ancestors);
    expect(withoutFrameAncestors(policy)).toEqual(withoutFrameAncestors(pagePolicy()));
  });

  test('follows development like the pages', () => {
    expect(withoutFrameAncestors(embedPolicy('*', { development: true }))).toEqual(withoutFrameAncestors(pagePolicy({ development: true })));
  });
});

describe('non-HTML answers', () => {
  test('allow nothing and may not be framed', () => {
    expect(API_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(apiSecurityHeaders()).toEqual([{ key: 'Content-Security-Policy', value: API_POLICY }]);
  });
});

describe('serializePolicy', () => {
  test('joins sources with spaces and directives with "; "', () => {
    expect(
      serializePolicy([
        ['default-src', ["'self'"]],
        ['frame-ancestors', ['https://a.example', 'https://b.example']],
      ]),
    ).toBe("default-src 'self'; frame-ancestors https://a.example https://b.example");
  });

  test('round-trips the page directives', () => {
    const directives = pageDirectives({ frameAncestors: "'self'" });
    expect([...parse(serializePolicy(directives))]).toEqual(directives.map(([name, sources]) => [name, [...sources]]));
  });
});
