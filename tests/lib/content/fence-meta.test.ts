// The meta words a lesson may put after a fence's language (docs/writing-lessons.md, "Code blocks").
import { parseFenceMeta } from '@/lib/content/mdx/fence-meta.mjs';

describe('parseFenceMeta', () => {
  test.each([
    ['', 'http', {}],
    ['   ', 'shell', {}],
    ['title="A 401 on the wire"', 'http', { title: 'A 401 on the wire' }],
    ["title='single quotes'", 'json', { title: 'single quotes' }],
    ['expect=401', 'shell', { expect: 401 }],
    ['title="Ask again" expect=200', 'shell', { title: 'Ask again', expect: 200 }],
    ['expect=407   title="Through the proxy"', 'shell', { title: 'Through the proxy', expect: 407 }],
    ['runnable', 'python', { runnable: true }],
    ['runnable title="fetch"', 'js', { title: 'fetch', runnable: true }],
    ['title="typed" runnable', 'ts', { title: 'typed', runnable: true }],
    ['title="expect=401 runnable"', 'text', { title: 'expect=401 runnable' }],
  ])('%j on %s reads as %j', (meta, lang, expected) => {
    expect(parseFenceMeta(meta, lang)).toEqual(expected);
  });

  test.each([
    ['foo', 'http', /Unsupported code fence meta "foo"/],
    ['title="A" highlight={1}', 'http', /Unsupported code fence meta "highlight=\{1\}"/],
    ['title=A', 'http', /Unsupported code fence meta "title=A"/],
    ['title="unterminated', 'http', /Unsupported code fence meta/],
    ['title="a"b', 'http', /Unsupported code fence meta/],
    ['expect=40', 'shell', /"expect=40" is not an HTTP status/],
    ['expect=4010', 'shell', /"expect=4010" is not an HTTP status/],
    ['expect=600', 'shell', /"expect=600" is not an HTTP status/],
    ['expect=401', 'http', /only allowed on shell blocks, not http/],
    ['expect=401', 'python', /only allowed on shell blocks, not python/],
    ['runnable', 'shell', /only allowed on python, js, ts blocks, not shell/],
    ['runnable', 'http', /only allowed on python, js, ts blocks, not http/],
    ['expect=401 expect=200', 'shell', /gives expect twice/],
    ['runnable runnable', 'python', /gives runnable twice/],
    ['title="a" title="b"', 'http', /gives title twice/],
  ])('%j on %s is a build error', (meta, lang, message) => {
    expect(() => parseFenceMeta(meta, lang)).toThrow(message);
  });
});
