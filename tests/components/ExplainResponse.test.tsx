import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EXPLAIN_EXAMPLES } from '@/components/playground/explain/examples';

// jsdom has no TextEncoder, which lib/http-auth needs when it loads (browsers and Node have it), so
// the component is loaded only once the global is in place.
let ExplainResponse: typeof import('@/components/playground/ExplainResponse').ExplainResponse;

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ ExplainResponse } = await import('@/components/playground/ExplainResponse'));
});

const BARE_BEARER = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\nContent-Length: 0\n';

function liveRegion(container: HTMLElement): HTMLElement {
  const region = container.querySelector<HTMLElement>('[aria-live="polite"]');
  if (!region) throw new Error('no polite live region');
  return region;
}

describe('ExplainResponse', () => {
  test('a pasted bare Bearer 401 gets a finding citing RFC 6750 §3, with the characters marked', async () => {
    const user = userEvent.setup();
    const { container } = render(<ExplainResponse />);
    await user.click(screen.getByRole('textbox', { name: 'Response to explain' }));
    await user.paste(BARE_BEARER);
    await user.click(screen.getByRole('button', { name: 'Explain' }));

    const live = within(liveRegion(container));
    expect(live.getByText('401')).toBeInTheDocument();
    expect(live.getByText('Unauthorized')).toBeInTheDocument(); // the status in words, not colour
    // The most serious finding leads the explanation, and is listed with the others.
    expect(live.getByText(/^In short:/).closest('p')).toHaveTextContent(/^In short: A Bearer challenge must carry at least one parameter/);
    const finding = live.getByText(/must carry at least one parameter/, { selector: 'li > p' }).closest('li');
    expect(finding).not.toBeNull();
    const item = within(finding as HTMLElement);
    expect(item.getByText('RFC 6750 §3')).toBeInTheDocument();
    expect(item.getByText('Error')).toBeInTheDocument(); // severity as a word
    expect(item.getByText('Line 2, columns 19–24')).toBeInTheDocument();
    const mark = item.getByRole('mark');
    expect(mark).toHaveTextContent('Bearer');
    expect(mark).toHaveTextContent(/marked/); // read out by screen readers, which ignore <mark> itself
    expect(item.getByRole('region', { name: /Line 2 of the paste, 6 characters marked/ })).toHaveTextContent('^^^^^^');
    expect(live.getByRole('heading', { name: 'What a client does next' })).toBeInTheDocument();
  });

  // The help says a single header line is a fine paste: no "No status line" remark, and the conclusion
  // (what a client does with that challenge) comes before the findings. Several lines keep the remark.
  test.each([
    ['a single header line', 'WWW-Authenticate: Digest realm="reports", nonce="abc", qop="auth"', true],
    ['a full response', 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Digest realm="reports", nonce="abc", qop="auth"\n', false],
  ])('%s: the next step leads only when the paste is one header line', async (_name, paste, leads) => {
    const user = userEvent.setup();
    const { container } = render(<ExplainResponse />);
    await user.click(screen.getByRole('textbox', { name: 'Response to explain' }));
    await user.paste(paste);
    await user.click(screen.getByRole('button', { name: 'Explain' }));
    const live = within(liveRegion(container));
    const headings = live.getAllByRole('heading').map((h) => h.textContent);
    expect(headings.indexOf('What a client does next') < headings.indexOf('Findings')).toBe(leads);
    expect(live.queryByText(/No status line/)).toBeNull();
  });

  test('a conclusion the lead already said is not said again under "What a client does next"', async () => {
    const user = userEvent.setup();
    const { container } = render(<ExplainResponse />);
    await user.click(screen.getByRole('textbox', { name: 'Response to explain' }));
    await user.paste('WWW-Authenticate: Basic realm="x", charset="UTF-8"');
    await user.click(screen.getByRole('button', { name: 'Explain' }));
    const live = within(liveRegion(container));
    const said = 'A client holding a user name and password retries with Authorization: Basic.';
    expect(live.getByText(/^In short:/).closest('p')).toHaveTextContent(`In short: ${said}`);
    expect((liveRegion(container).textContent ?? '').split(said)).toHaveLength(2);
    // The rest of the next step still follows, under its heading.
    const section = live.getByRole('heading', { name: 'What a client does next' }).closest('section');
    expect(section).toHaveTextContent('Basic sends the password itself, base64 in UTF-8');
  });

  test('Ctrl+Enter explains from the text box', async () => {
    const user = userEvent.setup();
    const { container } = render(<ExplainResponse />);
    await user.click(screen.getByRole('textbox', { name: 'Response to explain' }));
    await user.paste('HTTP/1.1 401 Unauthorized\n');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(within(liveRegion(container)).getByText(/RFC 9110 §15\.5\.2/, { selector: 'cite' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Response to explain' })).toHaveValue('HTTP/1.1 401 Unauthorized\n');
  });

  test('Esc in the text box moves focus to the Explain button; Tab is never trapped', async () => {
    const user = userEvent.setup();
    render(<ExplainResponse />);
    const box = screen.getByRole('textbox', { name: 'Response to explain' });
    await user.click(box);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: 'Explain' })).toHaveFocus();
    await user.click(box);
    await user.tab();
    expect(screen.getByRole('button', { name: 'Explain' })).toHaveFocus();
  });

  test('an example button fills the text box and explains it', async () => {
    const user = userEvent.setup();
    const { container } = render(<ExplainResponse />);
    await user.click(screen.getByRole('button', { name: '403 with invalid_token' }));
    const example = EXPLAIN_EXAMPLES.find((e) => e.label === '403 with invalid_token');
    expect(example?.text).toContain('error="invalid_token"');
    expect(screen.getByRole('textbox', { name: 'Response to explain' })).toHaveValue(example?.text);
    const live = within(liveRegion(container));
    expect(live.getByText('Forbidden')).toBeInTheDocument();
    expect(live.getAllByText(/goes with 401, not 403/).length).toBeGreaterThan(0);
  });

  test('an NTLM 407 that closes the connection: the error names the loop, and the CHALLENGE opens field by field', async () => {
    const user = userEvent.setup();
    const { container } = render(<ExplainResponse />);
    await user.click(screen.getByRole('button', { name: 'NTLM 407 that closes the connection' }));
    const live = within(liveRegion(container));
    const finding = live.getByText(/step 2 of the handshake, yet says Connection: close/, { selector: 'li > p' }).closest('li') as HTMLElement;
    expect(within(finding).getByText('Error')).toBeInTheDocument();
    expect(within(finding).getByRole('mark')).toHaveTextContent('Connection');
    await user.click(live.getByText('Challenges as parsed'));
    const table = live.getByRole('table', { name: /NTLM CHALLENGE, field by field/ });
    const row = (field: string) =>
      within(table)
        .getByRole('rowheader', { name: new RegExp(`^${field}`) })
        .closest('tr') as HTMLElement;
    expect(row('MessageType')).toHaveTextContent('2 (CHALLENGE)');
    expect(row('ServerChallenge')).toHaveTextContent('7d2714395ec1189a');
    expect(live.getByText('MsvAvNbComputerName').nextElementSibling).toHaveTextContent('HTTPAUTHLAB');
    expect(live.getByText('MsvAvTimestamp').nextElementSibling).toHaveTextContent(/^\d{4}-\d\d-\d\dT/);
    await user.click(live.getByText(/^Flags set/));
    expect(live.getByText('NTLMSSP_NEGOTIATE_TARGET_INFO')).toBeInTheDocument();
  });

  test('every example shows at least one error or warning', async () => {
    const user = userEvent.setup();
    const { container } = render(<ExplainResponse />);
    const group = screen.getByRole('group', { name: 'Try an example:' });
    for (const button of within(group).getAllByRole('button')) {
      await user.click(button);
      const words = within(liveRegion(container)).queryAllByText(/^(Error|Warning)$/);
      expect(words.length).toBeGreaterThan(0);
    }
  });

  test('has no axe violations once explained (structure only: jsdom cannot judge contrast)', async () => {
    const user = userEvent.setup();
    const { container } = render(<ExplainResponse />);
    await user.click(screen.getByRole('button', { name: 'curl -v of a Digest 401 (SHA-512)' }));
    const axe = (await import('axe-core')).default;
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
