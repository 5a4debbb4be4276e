import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import type { CompatCase } from '@/lib/compat/case-schema';
import { loadClientResults } from '@/lib/compat/results';

// The /clients matrix and a case page, rendered from the committed results (content/compat/results): every
// client a column, every case a row, every cell the verdict the lab measured, in words, linking to the case.

const clients = loadClientResults();

// jsdom has no TextEncoder, which lib/http-auth needs when it loads (Node and browsers have it): the pages
// and the cases are loaded once the global is in place.
let ClientsPage: typeof import('@/app/(site)/clients/page').default;
let CompatCasePage: typeof import('@/app/(site)/clients/cases/[id]/page').default;
let COMPAT_CASES: readonly CompatCase[];

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ default: ClientsPage } = await import('@/app/(site)/clients/page'));
  ({ default: CompatCasePage } = await import('@/app/(site)/clients/cases/[id]/page'));
  ({ COMPAT_CASES } = await import('@/lib/compat/cases'));
});

test('the matrix has a column per measured client and a row per case, grouped by scheme', () => {
  render(<ClientsPage />);
  const table = screen.getByRole('table', { name: /Verdict of each client/ });
  // The header row's cells; the scheme groups' headings (scope="colgroup") sit in the body.
  const columns = within(table.querySelector('thead') as HTMLElement)
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent ?? '');
  expect(columns.slice(1)).toEqual(clients.map(({ client }) => `${client.name}${client.version}`));
  expect(clients.length).toBeGreaterThanOrEqual(14);
  expect(clients.map(({ client }) => client.id)).toEqual(expect.arrayContaining(['chromium', 'firefox-esr']));
  const rows = within(table).getAllByRole('rowheader');
  expect(rows.map((cell) => cell.textContent)).toEqual(COMPAT_CASES.map((c) => c.title));
  expect(screen.getByRole('navigation', { name: 'By scheme' })).toBeInTheDocument();
});

test.each(clients.slice(0, 3).map((measured) => [measured.client.name, measured] as const))(
  '%s: each cell says the committed verdict and opens the case',
  (_, measured) => {
    render(<ClientsPage />);
    for (const result of measured.cases.slice(0, 10)) {
      const row = screen.getByRole('rowheader', { name: COMPAT_CASES.find((c) => c.id === result.id)?.title }).closest('tr') as HTMLElement;
      const cell = within(row).getByRole('link', { name: `${measured.client.name}: ${result.verdict}` });
      expect(cell).toHaveAttribute('href', `/clients/cases/${result.id}#${measured.client.id}`);
      expect(cell).toHaveTextContent(result.verdict);
    }
  },
);

test('a case page: what the lab sends, what an RFC client does with its sections, and each client with what it sent', async () => {
  const compatCase = COMPAT_CASES.find((c) => c.id === 'digest-stale-nonce');
  if (!compatCase) throw new Error('no digest-stale-nonce case');
  render(await CompatCasePage({ params: Promise.resolve({ id: compatCase.id }) }));
  expect(screen.getByRole('heading', { level: 1, name: compatCase.title })).toBeInTheDocument();
  expect(screen.getByLabelText("The lab's response head")).toHaveTextContent(/^HTTP\/1\.1 401 Unauthorized/);
  expect(screen.getByText(compatCase.follows)).toBeInTheDocument();
  for (const { rfc, section } of compatCase.citations) expect(screen.getByRole('link', { name: `RFC ${rfc} §${section}` })).toBeInTheDocument();
  const curl = clients.find((c) => c.client.id === 'curl');
  const heading = screen.getByRole('heading', { level: 3, name: new RegExp(`^curl ${curl?.client.version}`) });
  expect(heading.closest('li')).toHaveAttribute('id', 'curl');
  expect(within(heading.closest('li') as HTMLElement).getByText(/What the lab recorded/)).toBeInTheDocument();
});
