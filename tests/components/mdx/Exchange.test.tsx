import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Exchange } from '@/components/mdx/Exchange';
import type { ExchangeProps } from '@/lib/content/widgets/exchange';

const basic: ExchangeProps = {
  caption: 'Basic: the first request and its challenge',
  messages: [
    { text: 'GET /api/sandbox/basic HTTP/1.1\nHost: localhost:3000' },
    {
      text: 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="reports", charset="UTF-8"\nContent-Type: application/problem+json\n',
      notes: [
        { line: 3, text: 'The body explains the problem in `application/problem+json`.' },
        { line: 2, text: 'The challenge: the scheme Basic and its realm.' },
      ],
    },
  ],
};

describe('<Exchange>', () => {
  test('a figure with its caption; each message labelled from its start line, lines numbered without numbers in the text', () => {
    render(<Exchange {...basic} />);
    const figure = screen.getByRole('figure', { name: 'Basic: the first request and its challenge' });
    const request = within(figure).getByRole('group', { name: 'Request' });
    const response = within(figure).getByRole('group', { name: 'Response' });
    expect(response.querySelectorAll('[data-line]')).toHaveLength(3); // the trailing newline is no line
    // The numbers are generated content (globals.css), so a reader who copies the message gets the
    // message itself, with no line numbers glued to the start of each line.
    const lines = [...request.querySelectorAll('[data-line]')];
    expect(lines.map((line) => [line.getAttribute('data-line'), line.textContent])).toEqual([
      ['1', 'GET /api/sandbox/basic HTTP/1.1'],
      // The lesson's placeholder host becomes the host the page is on (jsdom's: localhost), as commands do.
      ['2', `Host: ${window.location.host}`],
    ]);
    expect(lines.every((line) => line.classList.contains('exchange-line'))).toBe(true);
  });

  test('notes are numbered in line order, marked on their line by a link to the note, and listed with the line', () => {
    render(<Exchange {...basic} />);
    const response = screen.getByRole('group', { name: 'Response' });
    const notes = within(response).getByRole('list', { name: 'Notes on the response' });
    const items = within(notes).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Note 1Line 2: The challenge: the scheme Basic and its realm. ↩Back to line 2',
      'Note 2Line 3: The body explains the problem in application/problem+json. ↩Back to line 3',
    ]);
    const marker = within(response).getByRole('link', { name: 'Note 1' });
    expect(marker.closest('[data-line]')).toHaveAttribute('data-line', '2');
    expect(marker.closest('[data-line]')).toHaveTextContent('WWW-Authenticate: Basic realm="reports"');
    expect(marker.getAttribute('href')).toBe(`#${items[0]?.id}`);
    expect(within(items[0] as HTMLElement).getByRole('link', { name: 'Back to line 2' })).toHaveAttribute('href', `#${marker.id}`);
    expect(within(notes).getByText('application/problem+json').tagName).toBe('CODE');
  });

  test('labels given in props win (proxy conversations)', () => {
    render(
      <Exchange
        caption="Through a proxy"
        messages={[{ label: 'Proxy → client', text: 'HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: Basic realm="proxy"' }]}
      />,
    );
    expect(screen.getByRole('group', { name: 'Proxy → client' })).toBeInTheDocument();
  });

  describe('invalid props fail the build, naming the exchange and the problem', () => {
    test.each<[string, ExchangeProps, RegExp]>([
      [
        'a note on a line that does not exist',
        { ...basic, messages: [{ text: 'GET / HTTP/1.1\nHost: a', notes: [{ line: 3, text: 'x' }] }] },
        /<Exchange caption="Basic: the first request and its challenge">[\s\S]*messages\.0\.notes\.0\.line: line 3 does not exist; the message has 2 lines/,
      ],
      ['an empty message', { ...basic, messages: [{ text: '  ' }] }, /<Exchange caption="Basic[^"]*">[\s\S]*messages\.0\.text: must not be empty/],
      [
        'an empty note',
        { ...basic, messages: [{ text: 'GET / HTTP/1.1\nHost: a', notes: [{ line: 1, text: '' }] }] },
        /messages\.0\.notes\.0\.text: must not be empty/,
      ],
      ['no start line', { ...basic, messages: [{ text: 'Host: a' }] }, /messages\.0\.text: not an HTTP message: line 1 must be a request line/],
      [
        'a broken field line',
        { ...basic, messages: [{ text: 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate Basic' }] },
        /messages\.0\.text: not an HTTP message: line 2: .*neither a field line/,
      ],
      ['no messages', { ...basic, messages: [] }, /messages: needs at least one message/],
    ])('%s', (_, props, message) => {
      expect(() => Exchange(props)).toThrow(message);
    });
  });

  test('collapsed: the same figure behind a closed toggle that names it, opened by a click', async () => {
    render(<Exchange {...basic} collapsed />);
    const toggle = screen.getByText('The messages, annotated: Basic: the first request and its challenge');
    expect(toggle.tagName).toBe('SUMMARY');
    const figure = screen.getByRole('figure', { name: 'Basic: the first request and its challenge' });
    expect(figure).not.toBeVisible();
    await userEvent.click(toggle);
    expect(figure).toBeVisible();
    expect(within(figure).getByRole('group', { name: 'Response' })).toHaveTextContent('WWW-Authenticate');
  });
});
