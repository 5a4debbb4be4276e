import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

// The page's sections read the sandbox's presets and the header grammar, which need TextEncoder (jsdom
// has none), so the page is loaded once the global is in place.
let TroubleshootPage: typeof import('@/app/(site)/troubleshoot/page').default;

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ default: TroubleshootPage } = await import('@/app/(site)/troubleshoot/page'));
});

describe('the troubleshooting page', () => {
  test('the Explain box comes first, ready without a load button; the troubleshooter follows', () => {
    render(<TroubleshootPage />);
    expect(screen.getByRole('heading', { level: 1, name: 'Troubleshoot a 401, 403 or 407' })).toBeInTheDocument();
    const sections = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(sections).toEqual(['Explain the response you got', 'Find the cause, step by step']);
    const explain = screen.getByRole('region', { name: 'Explain the response you got' });
    expect(explain).toHaveAttribute('id', 'explain');
    expect(within(explain).getByRole('textbox', { name: 'Response to explain' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Load the Explain tool/ })).toBeNull();
    const walk = screen.getByRole('region', { name: 'Find the cause, step by step' });
    expect(within(walk).getByRole('group', { name: 'Question 1: What did the failing request get back?' })).toBeInTheDocument();
  });

  test('a pasted header line leads with its conclusion, and never with a missing status line', async () => {
    const user = userEvent.setup();
    render(<TroubleshootPage />);
    const explain = within(screen.getByRole('region', { name: 'Explain the response you got' }));
    await user.click(explain.getByRole('textbox', { name: 'Response to explain' }));
    await user.paste('WWW-Authenticate: Basic realm="x", charset="UTF-8"');
    await user.click(explain.getByRole('button', { name: 'Explain' }));
    const lead = explain.getByText(/^In short:/).closest('p');
    expect(lead).toHaveTextContent('In short: A client holding a user name and password retries with Authorization: Basic.');
    expect(explain.queryByText(/No status line/)).toBeNull();
  });

  test("the troubleshooter's causes that need the reader's own response point at the Explain box above", async () => {
    const user = userEvent.setup();
    render(<TroubleshootPage />);
    await user.click(screen.getByRole('button', { name: '401 Unauthorized' }));
    await user.click(screen.getByRole('button', { name: /^No/ }));
    const cause = screen.getByRole('region', { name: /^Cause: / });
    expect(within(cause).getByRole('link', { name: 'Paste the response into the Explain tool' })).toHaveAttribute('href', '/troubleshoot#explain');
  });
});
