/**
 * @jest-environment jsdom
 */
import fc from 'fast-check';
import { DEFAULT_EMBED_OPTIONS, embedPath, embedQuery, type EmbedOptions, iframeCode, markdownLink, parseEmbedOptions, sitePath } from '@/lib/site/embed';
import { embedFrameAncestors } from '@/lib/site/security-headers.mjs';

describe('embed options in the URL', () => {
  it.each([
    ['', DEFAULT_EMBED_OPTIONS],
    ['theme=dark', { ...DEFAULT_EMBED_OPTIONS, theme: 'dark' }],
    ['theme=light&sandbox=hide&quiz=hide', { theme: 'light', sandbox: false, quiz: false }],
    ['section=the-401-challenge', { ...DEFAULT_EMBED_OPTIONS, section: 'the-401-challenge' }],
    // Lenient: a typo keeps the default instead of breaking a trainer's page.
    ['theme=purple&sandbox=no', DEFAULT_EMBED_OPTIONS],
    // A section that could break out of the CSS selector the head script writes is ignored.
    ['section=x"]{}body{display:none', DEFAULT_EMBED_OPTIONS],
    ['section=UPPER', DEFAULT_EMBED_OPTIONS],
  ])('%j reads as %j', (query, expected) => {
    expect(parseEmbedOptions(query)).toEqual(expected);
  });

  it('writes only what differs from the defaults, and reads back what it wrote (property)', () => {
    const options = fc.record(
      {
        theme: fc.constantFrom('light' as const, 'dark' as const, 'auto' as const),
        sandbox: fc.boolean(),
        quiz: fc.boolean(),
        section: fc.stringMatching(/^[a-z0-9-]{1,20}$/),
      },
      { requiredKeys: ['theme', 'sandbox', 'quiz'] },
    );
    fc.assert(
      fc.property(options, (value: EmbedOptions) => {
        expect(parseEmbedOptions(embedQuery(value).replace(/^\?/, ''))).toEqual(value);
      }),
    );
    expect(embedQuery(DEFAULT_EMBED_OPTIONS)).toBe('');
  });
});

describe('embed and site paths', () => {
  const lesson = { kind: 'lesson' as const, slug: 'basic-authentication', title: 'Basic' };
  it.each([
    [
      lesson,
      { ...DEFAULT_EMBED_OPTIONS, theme: 'dark' as const, section: 'the-colon-rule' },
      '/embed/lessons/basic-authentication?theme=dark&section=the-colon-rule',
    ],
    [{ kind: 'try' as const, preset: 'digest', title: 'x' }, { ...DEFAULT_EMBED_OPTIONS, quiz: false, section: 'ignored' }, '/embed/try/digest'],
    [
      { kind: 'playground' as const, state: 'v=1&p=basic', title: 'x' },
      { ...DEFAULT_EMBED_OPTIONS, theme: 'light' as const },
      '/embed/playground?v=1&p=basic&theme=light',
    ],
    [{ kind: 'playground' as const, state: '', title: 'x' }, DEFAULT_EMBED_OPTIONS, '/embed/playground'],
  ])('%j with %j embeds %s', (target, options, expected) => {
    expect(embedPath(target, options)).toBe(expected);
  });

  it('points back at the full page, the section as its anchor', () => {
    expect(sitePath(lesson, { section: 'the-colon-rule' })).toBe('/lessons/basic-authentication#the-colon-rule');
    expect(sitePath({ kind: 'try', preset: 'digest', title: 'x' })).toBe('/playground?p=digest');
  });
});

describe('the code a trainer pastes', () => {
  it('escapes the title and URL into the iframe attributes, and sandboxes it without top navigation', () => {
    const code = iframeCode('https://lab.example/embed/playground?a=1&b="2"', 'Tom & "Jerry" <3', { width: 800, height: 600 });
    expect(code).toContain('src="https://lab.example/embed/playground?a=1&amp;b=&quot;2&quot;"');
    expect(code).toContain('title="Tom &amp; &quot;Jerry&quot; &lt;3"');
    expect(code).toContain('loading="lazy"');
    expect(code).toMatch(/sandbox="[^"]*allow-scripts[^"]*"/);
    expect(code).not.toContain('allow-top-navigation');
    const frame = new DOMParser().parseFromString(code, 'text/html').querySelector('iframe');
    expect(frame?.getAttribute('src')).toBe('https://lab.example/embed/playground?a=1&b="2"');
    expect(frame?.getAttribute('title')).toBe('Tom & "Jerry" <3');
  });

  it('keeps a Markdown link one link whatever the title holds', () => {
    expect(markdownLink('https://lab.example/lessons/x#a', 'Basic [RFC 7617]')).toBe('[Basic \\[RFC 7617\\]](https://lab.example/lessons/x#a)');
    expect(markdownLink('https://lab.example/a (b)', 't')).toBe('[t](https://lab.example/a%20%28b%29)');
  });
});

describe('EMBED_FRAME_ANCESTORS', () => {
  it.each([
    [undefined, '*'],
    ['', '*'],
    ['*', '*'],
    ['https://lms.example.edu', 'https://lms.example.edu'],
    ['  https://lms.example.edu   https://*.example.org:8443 ', 'https://lms.example.edu https://*.example.org:8443'],
  ])('%j allows %j', (configured, value) => {
    expect(embedFrameAncestors(configured)).toEqual({ ok: true, value });
  });

  it.each([["'self'; script-src *"], ['https://lms.example.edu/path'], ['https://a.example\r\nSet-Cookie: x=1'], ['lms.example.edu'], ['javascript:alert(1)']])(
    'refuses %j, naming it',
    (configured) => {
      const result = embedFrameAncestors(configured);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^EMBED_FRAME_ANCESTORS: /);
    },
  );
});
