import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen } from '@testing-library/react';
import { loadClientResults } from '@/lib/compat/results';

// <ClientResult case client />: a lesson's sentence about a named client, beside what the lab measured
// (content/compat/results). The verdict, the client and its version come from the committed file.

const clients = loadClientResults();

// jsdom has no TextEncoder, which lib/http-auth needs when the cases load (see ClientsMatrix.test.tsx).
let ClientResult: typeof import('@/components/mdx/ClientResult').ClientResult;
let EmbeddedClientResult: typeof import('@/components/mdx/ClientResult').EmbeddedClientResult;
beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ ClientResult, EmbeddedClientResult } = await import('@/components/mdx/ClientResult'));
});

function measured(clientId: string, caseId: string) {
  const results = clients.find((c) => c.client.id === clientId);
  const result = results?.cases.find((c) => c.id === caseId);
  if (!results || !result) throw new Error(`no committed result for ${clientId} in ${caseId}`);
  return { client: results.client, verdict: result.verdict };
}

test.each([
  ['python-requests', 'digest-sha256-then-md5'],
  ['curl', 'digest-stale-nonce'],
  ['java-httpurlconnection', 'ntlm'],
  // A browser's column works the same: any client with a results file.
  ['firefox-esr', 'several-challenges-one-line'],
])('%s in %s: a link to the cell, saying the client, its version number and the recorded verdict', (clientId, caseId) => {
  const { client, verdict } = measured(clientId, caseId);
  render(<ClientResult case={caseId} client={clientId} />);
  const link = screen.getByRole('link', { name: new RegExp(`^${client.name} [\\d.]+ ${verdict} in the lab's case “.+”$`) });
  expect(link).toHaveAttribute('href', `/clients/cases/${caseId}#${clientId}`);
  // The version shown is a number out of the client's own version string, never another client's.
  const shown = /([\d.]+) \S+ in the lab/.exec(link.textContent ?? '')?.[1] ?? '';
  expect(client.version).toContain(shown);
});

test('the verdicts differ between clients as the data does: requests differs where curl follows', () => {
  render(
    <p>
      <ClientResult case="digest-sha256-then-md5" client="curl" /> <ClientResult case="digest-sha256-then-md5" client="python-requests" />
    </p>,
  );
  const [curl, requests] = screen.getAllByRole('link');
  expect(curl).toHaveTextContent(measured('curl', 'digest-sha256-then-md5').verdict);
  expect(requests).toHaveTextContent(measured('python-requests', 'digest-sha256-then-md5').verdict);
});

test('a case or a client that does not exist throws while rendering, naming both (the build fails)', () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(() => render(<ClientResult case="no-such-case" client="curl" />)).toThrow(
    /<ClientResult case="no-such-case" client="curl"> has invalid props:\s+case: no case "no-such-case"/,
  );
  expect(() => render(<ClientResult case="basic-plain" client="mosaic" />)).toThrow(/client: no client "mosaic" in content\/compat\/results/);
});

test('in an embedded lesson the cell opens in a new tab, as the other links of an embed do', () => {
  render(<EmbeddedClientResult case="ntlm" client="curl" />);
  const link = screen.getByRole('link', { name: new RegExp(`^curl [\\d.]+ ${measured('curl', 'ntlm').verdict} in the lab's case`) });
  expect(link).toHaveAttribute('href', '/clients/cases/ntlm#curl');
  expect(link).toHaveAttribute('target', '_blank');
});
