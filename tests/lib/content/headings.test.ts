// Heading ids come from rehype-slug run on the lesson's own syntax tree (lib/content/headings.ts), the
// way the build runs it: these pin what that means for the table of contents and for links to a heading.
import { readLessonModel } from '@/lib/content/lesson-model';

const read = (body: string) => readLessonModel('x.mdx', body);
const toc = (body: string) => read(body).toc;

describe('headings and the table of contents', () => {
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
    expect(toc(body)).toEqual([
      { depth: 2, text: 'Why two questions', id: 'why-two-questions' },
      { depth: 3, text: 'The WWW-Authenticate field', id: 'the-www-authenticate-field' },
      { depth: 2, text: '401 vs 403 vs 407', id: '401-vs-403-vs-407' },
    ]);
    expect(read(body).headings.map((heading) => [heading.depth, heading.id, heading.line])).toEqual([
      [2, 'why-two-questions', 2],
      [3, 'the-www-authenticate-field', 3],
      [4, 'too-deep-for-the-contents', 7],
      [2, '401-vs-403-vs-407', 8],
    ]);
  });

  test('repeated heading texts get -1, -2 suffixes like rehype-slug, counting every level in page order', () => {
    expect(toc('## Answer\n\n## Answer\n\n### Answer').map((entry) => entry.id)).toEqual(['answer', 'answer-1', 'answer-2']);
    expect(toc('# Answer\n\n#### Answer\n\n## Answer').map((entry) => entry.id)).toEqual(['answer-2']);
    // github-slugger: "Answer 1" would be answer-1, which the second "Answer" already took.
    expect(toc('## Answer\n\n## Answer\n\n## Answer 1').map((entry) => entry.id)).toEqual(['answer', 'answer-1', 'answer-1-1']);
  });

  test('a heading inside a widget is slugged in its place; a JSX <h2> is not a Markdown heading', () => {
    const body = ['## Setup', '', '<Callout kind="note">', '', '## Setup', '', '</Callout>', '', '<h2>Setup</h2>', '', '## Setup'].join('\n');
    expect(toc(body).map((entry) => entry.id)).toEqual(['setup', 'setup-1', 'setup-2']);
  });

  test('the frontmatter is not a heading and line numbers are the file’s', () => {
    const model = read('---\ntitle: A lesson\n---\n\n## First\n');
    expect(model.headings).toEqual([{ depth: 2, text: 'First', id: 'first', line: 5 }]);
  });

  test('a longer fence is not closed by a shorter one', () => {
    expect(toc('````md\n```\n## inside\n````\n## outside')).toEqual([{ depth: 2, text: 'outside', id: 'outside' }]);
  });

  test.each([
    ['`Proxy-Authorization` header', 'Proxy-Authorization header', 'proxy-authorization-header'],
    ['Read [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110)', 'Read RFC 9110', 'read-rfc-9110'],
    ['**Bold** and *em* and _under_', 'Bold and em and under', 'bold-and-em-and-under'],
    ['Escaped \\*stars\\*', 'Escaped *stars*', 'escaped-stars'],
    ['401, 403 & 407: who answers?', '401, 403 & 407: who answers?', '401-403--407-who-answers'],
    ['Ünïcode stays', 'Ünïcode stays', 'ünïcode-stays'],
  ])('heading %j reads as %j with the id %j', (markdown, text, id) => {
    expect(toc(`## ${markdown}`)).toEqual([{ depth: 2, text, id }]);
  });

  test('closing hashes of an ATX heading are not part of its text', () => {
    expect(toc('## Closing hashes ##')).toEqual([{ depth: 2, text: 'Closing hashes', id: 'closing-hashes' }]);
  });
});
