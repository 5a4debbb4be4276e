import { headingText, tableOfContents } from '@/lib/content/toc';

describe('tableOfContents', () => {
  test('lists ## and ### headings with rehype-slug ids, skipping fenced code', () => {
    const body = [
      'Intro',
      '## Why two questions',
      '### The `WWW-Authenticate` field',
      '```http',
      '## HTTP/1.1 is not a heading here',
      '```',
      '#### Too deep for the contents',
      '## 401 vs 403 vs 407',
    ].join('\n');
    expect(tableOfContents(body)).toEqual([
      { depth: 2, text: 'Why two questions', id: 'why-two-questions' },
      { depth: 3, text: 'The WWW-Authenticate field', id: 'the-www-authenticate-field' },
      { depth: 2, text: '401 vs 403 vs 407', id: '401-vs-403-vs-407' },
    ]);
  });

  test('repeated heading texts get -1, -2 suffixes like rehype-slug', () => {
    const ids = tableOfContents('## Answer\n\n## Answer\n\n### Answer').map((entry) => entry.id);
    expect(ids).toEqual(['answer', 'answer-1', 'answer-2']);
  });

  test('a longer fence is not closed by a shorter one', () => {
    expect(tableOfContents('````md\n```\n## inside\n````\n## outside')).toEqual([{ depth: 2, text: 'outside', id: 'outside' }]);
  });

  test.each([
    ['`Proxy-Authorization` header', 'Proxy-Authorization header'],
    ['Read [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110)', 'Read RFC 9110'],
    ['**Bold** and *em* and _under_', 'Bold and em and under'],
    ['Escaped \\*stars\\*', 'Escaped *stars*'],
  ])('heading text of %j is %j', (markdown, text) => {
    expect(headingText(markdown)).toBe(text);
  });

  test('closing hashes of an ATX heading are not part of its text', () => {
    expect(tableOfContents('## Closing hashes ##')).toEqual([{ depth: 2, text: 'Closing hashes', id: 'closing-hashes' }]);
  });
});
