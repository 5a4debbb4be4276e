// lib/content/mdx/mark-lab-origin.mjs: the lab's placeholder origin in highlighted code becomes
// <LabOrigin> (which shows the reader's origin), wherever Shiki's tokens happen to cut the URL.
import type { Element, ElementContent } from 'hast';
import { markOriginIn } from '@/lib/content/mdx/mark-lab-origin.mjs';

const STRING = '--shiki-light:#0A3069;--shiki-dark:#A5D6FF';
const PLAIN = '--shiki-light:#1F2328;--shiki-dark:#E6EDF3';

const token = (style: string, value: string): Element => ({ type: 'element', tagName: 'span', properties: { style }, children: [{ type: 'text', value }] });
const line = (...tokens: ElementContent[]): Element => ({ type: 'element', tagName: 'span', properties: { class: 'line' }, children: tokens });

/** Just enough of an HTML serialiser for Shiki's lines and the MDX element the marker writes. */
function html(node: ElementContent | { type: 'mdxJsxTextElement'; name: string; children: ElementContent[] }): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  switch (node.type) {
    case 'text':
      return escape(node.value);
    case 'element': {
      const attributes = Object.entries(node.properties).map(([name, value]) => ` ${name}="${escape(String(value)).replace(/"/g, '&quot;')}"`);
      return `<${node.tagName}${attributes.join('')}>${node.children.map(html).join('')}</${node.tagName}>`;
    }
    case 'mdxJsxTextElement':
      return `<${node.name}>${node.children.map(html).join('')}</${node.name}>`;
    default:
      throw new Error(`unexpected node ${node.type}`);
  }
}

function marked(element: Element): string {
  markOriginIn(element);
  return element.children.map(html).join('');
}

describe('markOriginIn', () => {
  test('an origin cut across three tokens, starting and ending mid-token: split at its edges, marked once, in its first colour', () => {
    const shikiLine = line(token(PLAIN, 'curl -i '), token(STRING, '"http://loc'), token(PLAIN, 'alhost:'), token(STRING, '3000/api/sandbox/basic"'));
    expect(marked(shikiLine)).toBe(
      `<span style="${PLAIN}">curl -i </span>` +
        `<span style="${STRING}">"</span>` +
        `<span style="${STRING}"><LabOrigin>http://localhost:3000</LabOrigin></span>` +
        `<span style="${STRING}">/api/sandbox/basic"</span>`,
    );
  });

  test('an origin inside one token, twice on a line', () => {
    const shikiLine = line(token(PLAIN, 'curl http://localhost:3000/a http://localhost:3000'));
    expect(marked(shikiLine)).toBe(
      `<span style="${PLAIN}">curl </span>` +
        `<span style="${PLAIN}"><LabOrigin>http://localhost:3000</LabOrigin></span>` +
        `<span style="${PLAIN}">/a </span>` +
        `<span style="${PLAIN}"><LabOrigin>http://localhost:3000</LabOrigin></span>`,
    );
  });

  test('inline code (plain text) is marked too', () => {
    const code: Element = { type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: 'http://localhost:3000/api/sandbox/basic?charset=none' }] };
    expect(marked(code)).toBe('<LabOrigin>http://localhost:3000</LabOrigin>/api/sandbox/basic?charset=none');
  });

  test.each([
    ['another port that starts the same', 'curl http://localhost:30001/x'],
    ['a longer host name', 'curl http://localhost:3000.example/x'],
    ['another origin', 'curl https://lab.example.edu/api/sandbox/basic'],
  ])('%s is left alone', (_label, text) => {
    const shikiLine = line(token(PLAIN, text));
    expect(marked(shikiLine)).toBe(`<span style="${PLAIN}">${text}</span>`);
  });

  test('an origin whose edge falls inside something other than a token is left alone rather than cut wrongly', () => {
    const nested: Element = { type: 'element', tagName: 'span', properties: {}, children: [token(STRING, 'curl http://local')] };
    const shikiLine = line(nested, token(STRING, 'host:3000/x'));
    expect(marked(shikiLine)).toBe(`<span><span style="${STRING}">curl http://local</span></span><span style="${STRING}">host:3000/x</span>`);
  });

  test.each([
    ['a request line', 'Host: ', 'Host: localhost:3000'],
    ["curl -v's request line", '> Host: ', '> Host: localhost:3000'],
    ['lower-case field name, no space', 'host:', 'host:localhost:3000'],
  ])('a Host field naming the placeholder host (%s) is marked as the lab host', (_label, field, text) => {
    expect(marked(line(token(PLAIN, text)))).toBe(`<span style="${PLAIN}">${field}</span><span style="${PLAIN}"><LabHost>localhost:3000</LabHost></span>`);
  });

  test.each([
    ['another header naming it', 'Referer: localhost:3000'],
    ['another port', 'Host: localhost:30001'],
    ['mid-line', 'see Host: localhost:3000'],
  ])('%s is not a Host field of the lab: left alone', (_label, text) => {
    expect(marked(line(token(PLAIN, text)))).toBe(`<span style="${PLAIN}">${text}</span>`);
  });
});
