import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

// The traffic page's states, driven as a reader drives them: choose a file, paste curl -v output, cancel,
// reveal. The analyser is the real one running on the test's thread (jsdom has no Web Worker); the browser
// journeys (tests/browser/troubleshoot-traffic*.test.ts) cover the worker itself.

let TrafficAnalyser: typeof import('@/components/har/TrafficAnalyser').TrafficAnalyser;
let inThreadAnalyser: typeof import('@/components/har/in-thread-analyser').inThreadAnalyser;

beforeAll(async () => {
  // The transcript views encode bodies with TextEncoder, which jsdom lacks.
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ TrafficAnalyser } = await import('@/components/har/TrafficAnalyser'));
  ({ inThreadAnalyser } = await import('@/components/har/in-thread-analyser'));
});

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../fixtures/har', name));
const harFile = () => new File([fixture('chromium-lab.har')], 'chromium-lab.har', { type: 'application/json' });

/** curl -v of a 401 that carries no challenge: the no-challenge rule's case (RFC 9110 §15.5.2). */
const CURL_401_WITHOUT_CHALLENGE = [
  '*   Trying 127.0.0.1:8080...',
  '* Connected to api.example (127.0.0.1) port 8080',
  '> GET /orders HTTP/1.1',
  '> Host: api.example:8080',
  '> Authorization: Bearer sk_live_abcdefghijklmnop1234',
  '> Accept: */*',
  '>',
  '< HTTP/1.1 401 Unauthorized',
  '< Content-Type: application/json',
  '< Content-Length: 2',
  '<',
  '{}',
].join('\n');

function renderPage() {
  const user = userEvent.setup({ delay: null });
  render(<TrafficAnalyser createAnalyser={inThreadAnalyser} />);
  return { user, fileInput: screen.getByLabelText(/HAR file/) as HTMLInputElement };
}

describe('troubleshooting your own traffic', () => {
  test('empty: a file input named for HAR, a paste box that takes curl -v, and the promise that nothing is uploaded', () => {
    const { fileInput } = renderPage();
    expect(fileInput).toHaveAttribute('type', 'file');
    expect(screen.getByRole('textbox', { name: 'Or paste a HAR or curl -v output' })).toBeInTheDocument();
    expect(screen.getByText('Nothing is uploaded.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Diagnosis' })).toBeNull();
  });

  test('progress shows while the file is analysed, and Cancel stops it for good', async () => {
    const { user, fileInput } = renderPage();
    await user.upload(fileInput, harFile());
    expect(screen.getByRole('progressbar', { name: /^Analysing chromium-lab\.har: Starting/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Cancelled: chromium-lab.har was not analysed.')).toBeInTheDocument();
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(screen.queryByRole('heading', { name: /Report on/ })).toBeNull();
  });

  test('a file dropped on the form is analysed as a chosen one is', async () => {
    renderPage();
    const form = screen.getByRole('form', { name: 'Recording to analyse' });
    fireEvent.dragOver(form, { dataTransfer: { files: [] } });
    fireEvent.drop(form, { dataTransfer: { files: [harFile()] } });
    expect(screen.getByRole('progressbar', { name: /^Analysing chromium-lab\.har/ })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Report on chromium-lab.har' })).toBeInTheDocument();
  });

  test('a JSON file that is not a HAR says what was expected and where it broke', async () => {
    const { user, fileInput } = renderPage();
    await user.upload(fileInput, new File(['{"log": {"entries": 3}}'], 'notes.json', { type: 'application/json' }));
    const heading = await screen.findByRole('heading', { name: /notes\.json could not be read/ });
    const section = heading.closest('section') as HTMLElement;
    expect(within(section).getByText(/This JSON is not a HAR: at log\.entries, expected array, received number\./)).toBeInTheDocument();
    expect(within(section).getByText('log.entries')).toBeInTheDocument();
    expect(within(section).getByText(/an "entries" array/)).toBeInTheDocument();
    expect(heading).toHaveFocus();
  });

  test('results: the conversations drawn by the playground views, with no secret in the page', async () => {
    const { user, fileInput } = renderPage();
    await user.upload(fileInput, harFile());
    expect(await screen.findByRole('heading', { name: 'Report on chromium-lab.har' })).toHaveFocus();
    expect(screen.getByRole('heading', { name: 'Diagnosis' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Conversation 1: http:\/\/127\.0\.0\.1:\d+$/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /^Conversation 2: / })).toBeInTheDocument();
    // The playground's sequence diagram and attempt views, reused.
    expect(screen.getByRole('figure', { name: 'Conversation 1' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /Attempt 2: GET \/api\/sandbox\/basic/ })).toBeInTheDocument();
    const text = document.body.textContent ?? '';
    expect(text).toContain('[redacted #1: user-id "alice", password hidden]');
    expect(text).not.toContain('wonderland');
    expect(text).not.toContain('YWxpY2U6d29uZGVybGFuZA');
  });

  test('a diagnosis leads with its severity in words, the fix, RFC links and a link to the exchange', async () => {
    const { user } = renderPage();
    await user.type(screen.getByRole('textbox', { name: 'Or paste a HAR or curl -v output' }), CURL_401_WITHOUT_CHALLENGE.replaceAll('{', '{{'));
    await user.click(screen.getByRole('button', { name: 'Analyse the pasted text' }));
    const finding = await screen.findByRole('heading', { name: 'Problem: A 401 without WWW-Authenticate' });
    const article = finding.closest('article') as HTMLElement;
    expect(within(article).getByText(/Have the server send WWW-Authenticate/)).toBeInTheDocument();
    expect(within(article).getByRole('link', { name: 'RFC 9110 §15.5.2' })).toHaveAttribute('href', 'https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2');
    expect(within(article).getByRole('link', { name: 'exchange 1' })).toHaveAttribute('href', '#conversation-1-attempt-1-heading');
    expect(document.getElementById('conversation-1-attempt-1-heading')).not.toBeNull();
    // The paste box keeps what the reader typed; the report shows it redacted.
    const report = screen.getByRole('region', { name: 'Report on the pasted text' });
    expect(report).toHaveTextContent('Bearer [redacted #1: token of 28 characters]');
    expect(report.textContent).not.toContain('sk_live_abcdefghijklmnop1234');
  });

  test('Reveal asks the analyser for one value and shows it here; Hide puts the placeholder back', async () => {
    const { user, fileInput } = renderPage();
    await user.upload(fileInput, harFile());
    const conversation = (await screen.findByRole('heading', { name: /^Conversation 1: / })).closest('section') as HTMLElement;
    await user.click(within(conversation).getByText(/Redacted values/));
    await user.click(within(conversation).getByRole('button', { name: 'Reveal #1' }));
    expect(await within(conversation).findByLabelText('Value of #1')).toHaveTextContent('Basic YWxpY2U6d29uZGVybGFuZA==');
    expect(within(conversation).getByRole('button', { name: 'Reveal #2' })).toBeInTheDocument();
    await user.click(within(conversation).getByRole('button', { name: 'Hide #1' }));
    expect(within(conversation).queryByLabelText('Value of #1')).toBeNull();
    expect(document.body.textContent).not.toContain('YWxpY2U6d29uZGVybGFuZA');
  });
});
