// Per-request oEmbed discovery: which href a requested URL gets, and that nothing it reflects can break
// out of a header or an attribute.
import { discoveryHref, discoveryLinkField, withDiscoveryHref } from '@/lib/site/oembed-discovery';

const ORIGIN = new URL('https://lab.example');
const urlParam = (target: string) => discoveryHref(target, ORIGIN)?.searchParams.get('url');

describe('discoveryHref', () => {
  test('keeps a playground share link, a lesson section and embed options', () => {
    expect(urlParam('/playground?v=1&p=basic-wrong-password&mode=manual')).toBe('https://lab.example/playground?v=1&p=basic-wrong-password&mode=manual');
    expect(urlParam('/lessons/basic?section=the-challenge')).toBe('https://lab.example/lessons/basic?section=the-challenge');
    expect(urlParam('/embed/lessons/basic?theme=dark&quiz=hide')).toBe('https://lab.example/embed/lessons/basic?theme=dark&quiz=hide');
    expect(discoveryHref('/embed/try/digest', ORIGIN)?.toString()).toBe(
      'https://lab.example/api/oembed?url=https%3A%2F%2Flab.example%2Fembed%2Ftry%2Fdigest&format=json',
    );
  });

  test.each([
    '/',
    '/api/oembed?url=x',
    '/lessons',
    '/lessons/a/b',
    '//evil.example/playground',
    'https://evil.example/playground',
    `/playground?x=${'a'.repeat(3000)}`,
  ])('%s declares no discovery', (target) => {
    expect(discoveryHref(target, ORIGIN)).toBeUndefined();
  });

  test('what it reflects is percent-encoded: no CR, LF, quote or angle bracket reaches the Link field or the <link>', () => {
    const href = discoveryHref('/playground?h=a%0D%0ASet-Cookie:%20x&q="><script>', ORIGIN);
    if (!href) throw new Error('expected an href');
    const field = discoveryLinkField(href);
    expect(field).toMatch(/^<[\x21-\x7e]+>; rel="alternate"; type="application\/json\+oembed"$/);
    expect(field.slice(1, field.indexOf('>'))).not.toMatch(/[<>"\s]/);
  });
});

describe('withDiscoveryHref', () => {
  test("rewrites the oEmbed <link>'s href, escaped, and nothing else", () => {
    const head =
      '<head><link rel="canonical" href="https://lab.example/playground"/><link rel="alternate" type="application/json+oembed" href="https://old/api/oembed?url=a&amp;format=json"/></head>';
    const href = new URL('https://lab.example/api/oembed?url=https%3A%2F%2Flab.example%2Fplayground%3Fp%3Dbasic&format=json');
    expect(withDiscoveryHref(head, href)).toBe(
      '<head><link rel="canonical" href="https://lab.example/playground"/><link rel="alternate" type="application/json+oembed" href="https://lab.example/api/oembed?url=https%3A%2F%2Flab.example%2Fplayground%3Fp%3Dbasic&amp;format=json"/></head>',
    );
    expect(withDiscoveryHref('<head><title>x</title></head>', href)).toBe('<head><title>x</title></head>');
  });
});
