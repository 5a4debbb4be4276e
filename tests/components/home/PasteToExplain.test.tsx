import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

// jsdom has no TextEncoder, which lib/http-auth needs when the lazily loaded explainer arrives.
let PasteToExplain: typeof import('@/components/home/PasteToExplain').PasteToExplain;

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ PasteToExplain } = await import('@/components/home/PasteToExplain'));
});

const box = () => screen.getByRole('textbox', { name: 'Paste the response you got' });
const explainButton = () => screen.getByRole('button', { name: 'Explain' });

describe("the home page's paste box", () => {
  test('a pasted header is explained in place, the conclusion first, then the findings', async () => {
    const user = userEvent.setup();
    render(<PasteToExplain />);
    await user.click(box());
    await user.paste('WWW-Authenticate: Basic realm=x y');
    await user.click(explainButton());

    const explanation = await screen.findByRole('heading', { name: 'Explanation' });
    const result = within(explanation.parentElement as HTMLElement);
    const lead = result.getByText(/^In short:/).closest('p');
    expect(lead).toHaveTextContent(/The WWW-Authenticate line does not parse at column 33/);
    const findings = result.getByRole('heading', { name: 'Findings' });
    // The conclusion comes before the findings it was drawn from.
    expect(lead?.compareDocumentPosition(findings) ?? 0).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    // The finding itself, with where it is.
    const finding = result.getByText('Line 1, column 33').closest('li');
    expect(finding).toHaveTextContent("Expected ',' or the end after a parameter, found 'y'.");
    expect(result.queryByText(/No status line/)).toBeNull();
    expect(box()).toHaveValue('WWW-Authenticate: Basic realm=x y');
  });

  test('Ctrl+Enter explains from the box; Esc moves to the Explain button', async () => {
    const user = userEvent.setup();
    render(<PasteToExplain />);
    await user.click(box());
    await user.paste('WWW-Authenticate: Basic realm="x", charset="UTF-8"');
    await user.keyboard('{Control>}{Enter}{/Control}');
    const lead = (await screen.findByText(/^In short:/)).closest('p');
    expect(lead).toHaveTextContent('In short: A client holding a user name and password retries with Authorization: Basic.');
    await user.click(box());
    await user.keyboard('{Escape}');
    expect(explainButton()).toHaveFocus();
  });

  test('with nothing pasted, it asks for a paste instead of explaining', async () => {
    const user = userEvent.setup();
    render(<PasteToExplain />);
    await user.click(explainButton());
    expect(screen.getByText('Paste a response or a header line into the box first.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Explanation' })).toBeNull();
  });

  test('what is pasted stays in the page: no request, no change of address, no form to submit', async () => {
    const user = userEvent.setup();
    const fetchSpy = jest.fn();
    Object.assign(globalThis, { fetch: fetchSpy });
    const before = window.location.href;
    const { container } = render(<PasteToExplain />);
    await user.click(box());
    await user.paste('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\nAuthorization: Bearer secret-token');
    await user.click(explainButton());
    await screen.findByRole('heading', { name: 'Explanation' });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(window.location.href).toBe(before);
    expect(container.querySelector('form')).toBeNull();
    expect(box()).not.toHaveAttribute('name');
  });
});
