import { TextDecoder, TextEncoder } from 'node:util';
import { render, screen, within } from '@testing-library/react';
import type { CompatCase } from '@/lib/compat/case-schema';
import { loadClientResults } from '@/lib/compat/results';
import { findRfcExcerpt } from '@/lib/compat/rfc-excerpts';

// The /clients matrix and a case page, rendered from the committed results (content/compat/results): every
// client a column, every case a row, every cell the verdict the lab measured, in words, linking to the case.

const clients = loadClientResults();

// jsdom has no TextEncoder, which lib/http-auth needs when it loads (Node and browsers have it): the pages
// and the cases are loaded once the global is in place.
let ClientsPage: typeof import('@/app/(site)/clients/page').default;
let CompatCasePage: typeof import('@/app/(site)/clients/cases/[id]/page').default;
let ClientsGroupPage: typeof import('@/app/(site)/clients/groups/[group]/page').default;
let COMPAT_CASES: readonly CompatCase[];

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
  ({ default: ClientsPage } = await import('@/app/(site)/clients/page'));
  ({ default: CompatCasePage } = await import('@/app/(site)/clients/cases/[id]/page'));
  ({ default: ClientsGroupPage } = await import('@/app/(site)/clients/groups/[group]/page'));
  ({ COMPAT_CASES } = await import('@/lib/compat/cases'));
});

test('the matrix has a column per measured client and a row per case, grouped by scheme', () => {
  render(<ClientsPage />);
  const table = screen.getByRole('table', { name: /Verdict of each client/ });
  // The header row's cells; the scheme groups' headings (scope="colgroup") sit in the body.
  const columns = within(table.querySelector('thead') as HTMLElement)
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent ?? '');
  // Each heading: the name and the client's own version number, found in the version it reported.
  clients.forEach(({ client }, index) => {
    const shown = columns[index + 1] ?? '';
    expect(shown.startsWith(client.name)).toBe(true);
    expect(client.version).toContain(shown.slice(client.name.length));
  });
  expect(columns).toHaveLength(clients.length + 1);
  expect(clients.length).toBeGreaterThanOrEqual(14);
  expect(clients.map(({ client }) => client.id)).toEqual(expect.arrayContaining(['chromium', 'firefox-esr']));
  const rows = within(table).getAllByRole('rowheader');
  expect(rows.map((cell) => cell.textContent)).toEqual(COMPAT_CASES.map((c) => c.title));
});

test('the filter by scheme: a link per group to the matrix with only that group, the current one marked', async () => {
  render(<ClientsPage />);
  const filter = screen.getByRole('navigation', { name: 'Filter by scheme' });
  const all = within(filter).getByRole('link', { name: `All cases (${COMPAT_CASES.length})` });
  expect(all).toHaveAttribute('aria-current', 'page');
  const digestCases = COMPAT_CASES.filter((c) => c.group === 'digest');
  const digest = within(filter).getByRole('link', { name: `Digest (${digestCases.length})` });
  expect(digest).toHaveAttribute('href', '/clients/groups/digest#matrix-heading');
  expect(digest).not.toHaveAttribute('aria-current');

  document.body.innerHTML = '';
  render(await ClientsGroupPage({ params: Promise.resolve({ group: 'digest' }) }));
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/Digest$/);
  const table = screen.getByRole('table', { name: /Verdict of each client/ });
  expect(
    within(table)
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent),
  ).toEqual(digestCases.map((c) => c.title));
  const filtered = screen.getByRole('navigation', { name: 'Filter by scheme' });
  expect(within(filtered).getByRole('link', { name: /^Digest/ })).toHaveAttribute('aria-current', 'page');
  expect(within(filtered).getByRole('link', { name: /^All cases/ })).toHaveAttribute('href', '/clients#matrix-heading');
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
  for (const { rfc, section } of compatCase.citations) {
    const link = screen.getByRole('link', { name: `RFC ${rfc} §${section}` });
    // The RFC's own words under the link, quoted from content/compat/rfc-excerpts.yaml.
    const quote = link.closest('li')?.querySelector('blockquote');
    expect(quote).toHaveAttribute('cite', link.getAttribute('href'));
    for (const passage of findRfcExcerpt(rfc, section) ?? ['(none)']) expect(quote).toHaveTextContent(passage);
  }
  expect(screen.getByText(/“If stale is true, the client may wish to simply retry the request with a new encrypted response/)).toBeInTheDocument();
  const curl = clients.find((c) => c.client.id === 'curl');
  const heading = screen.getByRole('heading', { level: 3, name: new RegExp(`^curl ${curl?.client.version}`) });
  expect(heading.closest('li')).toHaveAttribute('id', 'curl');
  expect(within(heading.closest('li') as HTMLElement).getByText(/What the lab recorded/)).toBeInTheDocument();
});

test('a long version stays out of the column heading and is given in full under "How it was measured"', () => {
  const java = clients.find((c) => c.client.id === 'java-httpurlconnection')?.client;
  if (!java) throw new Error('no Java results');
  render(<ClientsPage />);
  const heading = screen.getByRole('columnheader', { name: new RegExp(`^${java.name}`) });
  expect(heading.textContent?.length).toBeLessThan(`${java.name}${java.version}`.length);
  const measured = screen.getByRole('heading', { name: 'How it was measured' }).closest('section') as HTMLElement;
  expect(within(measured).getByText(java.name).closest('li')).toHaveTextContent(java.version);
});

test('the legend says each verdict word once, beside the badge the cells use', () => {
  render(<ClientsPage />);
  const legend = screen.getByRole('heading', { name: 'What a cell says' }).closest('section') as HTMLElement;
  const items = within(legend).getAllByRole('listitem');
  expect(items).toHaveLength(3);
  for (const [item, word] of items.map((li, i) => [li, ['follows', 'differs', 'fails'][i]] as const)) {
    const text = item.textContent ?? '';
    expect(text.startsWith(word ?? '')).toBe(true);
    expect(text.toLowerCase().split(word ?? '').length - 1).toBe(1);
  }
});

test('a case page words the conversation for a reader: no flow or leg ids', async () => {
  const compatCase = COMPAT_CASES.find((c) => c.id === 'redirect-same-origin');
  if (!compatCase) throw new Error('no redirect-same-origin case');
  const { container } = render(await CompatCasePage({ params: Promise.resolve({ id: compatCase.id }) }));
  expect(screen.getByText(/^Then an authenticated request is redirected to another path on the same origin\.$/)).toBeInTheDocument();
  expect(screen.getAllByText(/\(after the redirect\)/).length).toBeGreaterThan(0);
  const text = container.textContent ?? '';
  expect(text).not.toMatch(/\((redirected|next|first)\)|redirect same origin|goes on:/);
});

test('a Digest case page says which nonce a client answered and why it was refused in words', async () => {
  const { container } = render(await CompatCasePage({ params: Promise.resolve({ id: 'digest-stale-nonce' }) }));
  const text = container.textContent ?? '';
  expect(text).toMatch(/answering the expired nonce/);
  expect(text).not.toMatch(
    /answering the (challenge|backdated|challenge-again|not-issued-here) nonce|\(algorithm-not-offered\)|\(wrong-response\)|handshake-continues|\(1 requests\)/,
  );
});
