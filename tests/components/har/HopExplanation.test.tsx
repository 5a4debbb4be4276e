import fs from 'node:fs';
import path from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import { screen, render, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

// Issue 22: each recorded hop that is about authentication can be explained, by the playground's engine,
// from the hop's redacted response. Driven as a reader: choose the HAR, open one attempt's disclosure.

let TrafficAnalyser: typeof import('@/components/har/TrafficAnalyser').TrafficAnalyser;
let inThreadAnalyser: typeof import('@/components/har/in-thread-analyser').inThreadAnalyser;

beforeAll(async () => {
  // The transcript views encode bodies with TextEncoder, which jsdom lacks.
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ TrafficAnalyser } = await import('@/components/har/TrafficAnalyser'));
  ({ inThreadAnalyser } = await import('@/components/har/in-thread-analyser'));
});

const harFile = () =>
  new File([fs.readFileSync(path.join(__dirname, '../../fixtures/har/chromium-lab.har'))], 'chromium-lab.har', { type: 'application/json' });

async function openReport() {
  const user = userEvent.setup({ delay: null });
  render(<TrafficAnalyser createAnalyser={inThreadAnalyser} />);
  await user.upload(screen.getByLabelText(/HAR file/), harFile());
  await screen.findByRole('heading', { name: 'Report on chromium-lab.har' });
  const conversation = screen.getByRole('region', { name: /^Conversation 1: / });
  const attempt = (n: number) => within(conversation).getByRole('region', { name: new RegExp(`^Attempt ${n}: `) });
  return { user, attempt };
}

test("a 401 hop's disclosure explains its challenge by the playground's engine, under the attempt's heading", async () => {
  const { user, attempt } = await openReport();
  const first = attempt(1);
  expect(within(first).getByRole('heading', { name: /^Attempt 1: GET \/api\/sandbox\/basic/ })).toBeInTheDocument();
  // Worked out only once asked for.
  expect(within(first).queryByRole('heading', { name: 'Explanation' })).toBeNull();

  await user.click(within(first).getByText('Explain this response'));
  const heading = within(first).getByRole('heading', { name: 'Explanation', level: 4 });
  const explanation = heading.parentElement as HTMLElement;
  expect(within(explanation).getByRole('heading', { name: 'Findings', level: 5 })).toBeInTheDocument();
  expect(within(explanation).getByRole('heading', { name: 'What a client does next', level: 5 })).toBeInTheDocument();
  // The challenge as the parser read it: the Basic scheme and its realm.
  expect(within(explanation).getByText('Basic', { selector: 'code' })).toBeInTheDocument();
  expect(within(explanation).getByText('"reports"')).toBeInTheDocument();
  expect(explanation).toHaveTextContent(/In short: .*Basic/);
});

test('a 200 with no authentication field has nothing to explain; one with Authentication-Info has', async () => {
  const { user, attempt } = await openReport();
  expect(within(attempt(2)).getByRole('heading', { name: /^Attempt 2: GET \/api\/sandbox\/basic/ })).toBeInTheDocument();
  expect(within(attempt(2)).queryByText('Explain this response')).toBeNull();

  const digestOk = attempt(4);
  expect(within(digestOk).getByRole('heading', { name: /^Attempt 4: GET \/api\/sandbox\/digest/ })).toBeInTheDocument();
  await user.click(within(digestOk).getByText('Explain this response'));
  const explanation = within(digestOk).getByRole('heading', { name: 'Explanation' }).parentElement as HTMLElement;
  expect(explanation).toHaveTextContent('Authentication-Info');
  expect(explanation).toHaveTextContent('RFC 9110 §11.6.3');
});
