// What any HTTP client (not only a browser) gets from the site.
import { baseUrl, firstLesson } from './support/lab';

describe('site over plain HTTP', () => {
  test.each(['/', '/lessons', `/lessons/${firstLesson().slug}`, '/sitemap.xml', '/no-such-page'])('%s carries the baseline security headers', async (path) => {
    const response = await fetch(`${baseUrl()}${path}`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  test('an unknown page is a real 404 with links to go on', async () => {
    const response = await fetch(`${baseUrl()}/no-such-page`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('This page does not exist');
    expect(html).toContain('href="/lessons"');
  });

  test('sitemap.xml lists every lesson; robots.txt points to it', async () => {
    const sitemap = await (await fetch(`${baseUrl()}/sitemap.xml`)).text();
    expect(sitemap).toContain(`/lessons/${firstLesson().slug}</loc>`);
    expect(sitemap).toContain('/lessons</loc>');
    expect(sitemap).toContain('/troubleshoot</loc>');
    expect(sitemap).toContain('/troubleshoot/traffic</loc>');
    expect(sitemap).toContain('/trainers</loc>');
    // The client matrix, a filtered view and a case page (issue 21).
    expect(sitemap).toContain('/clients</loc>');
    expect(sitemap).toContain('/clients/groups/digest</loc>');
    expect(sitemap).toContain('/clients/cases/digest-stale-nonce</loc>');
    const robots = await (await fetch(`${baseUrl()}/robots.txt`)).text();
    expect(robots).toMatch(/^Sitemap: http.*\/sitemap\.xml$/m);
  });

  // npm run build marks every client chunk for eager compilation (scripts/compile-hints.mjs): without
  // it, lazy compilation on the main thread was most of the long task after the first paint.
  test.each(['/', '/playground'])("every script %s loads starts with V8's compile hint", async (path) => {
    const html = await (await fetch(`${baseUrl()}${path}`)).text();
    const scripts = [...new Set([...html.matchAll(/\/_next\/static\/chunks\/[\w.-]+\.js/g)].map(([src]) => src))];
    expect(scripts.length).toBeGreaterThan(3);
    for (const src of scripts) {
      const code = await (await fetch(`${baseUrl()}${src}`)).text();
      expect([src, code.slice(0, 29)]).toEqual([src, '//# allFunctionsCalledOnLoad\n']);
    }
  });

  test('the icon and metadata are served', async () => {
    const html = await (await fetch(`${baseUrl()}/lessons/${firstLesson().slug}`)).text();
    // Every icon the page links (favicon.ico for browsers that ask for it, the SVG for the rest) is served as an image.
    const icons = [...html.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((match) => match[1]);
    const types = await Promise.all(
      icons.map(async (icon) => {
        const response = await fetch(`${baseUrl()}${icon}`);
        return [response.status, response.headers.get('content-type')?.split(';')[0]];
      }),
    );
    expect(types).toEqual(
      expect.arrayContaining([
        [200, 'image/x-icon'],
        [200, 'image/svg+xml'],
      ]),
    );
    expect(types.every(([status, type]) => status === 200 && String(type).startsWith('image/'))).toBe(true);
    expect(html).toContain(`<title>${firstLesson().frontmatter.title} · HTTP Auth Lab</title>`);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toMatch(/<meta name="description" content="[^"]{20,}"\/>/);
  });
});
