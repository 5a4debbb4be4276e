import { render, screen, within } from '@testing-library/react';
import { CredentialsModeDiagram } from '@/components/mdx/CredentialsModeDiagram';
import { BROWSER_FACTS } from '@/lib/content/browser-facts';
import type { BrowserFact } from '@/lib/content/browser-facts-schema';
import { credentialsModesModel } from '@/lib/content/widgets/credentials-modes';

/** The cell for a mode (row header) and a column, as a table reader finds it. */
function cell(mode: string, column: 'Same-origin request' | 'Cross-origin request'): HTMLElement {
  const table = screen.getByRole('table', { name: 'Credentials modes' });
  const columns = within(table)
    .getAllByRole('columnheader')
    .map((th) => th.textContent);
  const row = within(table)
    .getByRole('rowheader', { name: new RegExp(`'${mode}'`) })
    .closest('tr') as HTMLElement;
  return within(row).getAllByRole('cell')[columns.indexOf(column) - 1] as HTMLElement;
}

describe('<CredentialsModeDiagram>', () => {
  test('a real table: rows per mode, a column for same-origin and cross-origin requests', () => {
    render(<CredentialsModeDiagram caption="Credentials modes" />);
    const table = screen.getByRole('table', { name: 'Credentials modes' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(["'omit'", "'same-origin'fetch's default", "'include'"]);
  });

  test('same-origin cells say what content/browser-facts.yaml recorded, and that it was tested', () => {
    render(<CredentialsModeDiagram caption="Credentials modes" />);
    for (const mode of ['omit', 'same-origin', 'include'] as const) {
      const fact = BROWSER_FACTS.find((f) => f.kind === 'remembered-credentials' && f.probe.credentials === mode);
      if (fact?.kind !== 'remembered-credentials') throw new Error(`no remembered-credentials fact for ${mode}`);
      const text = cell(mode, 'Same-origin request').textContent;
      expect(text).toContain(fact.chromium.attaches ? 'Sends cookies and remembered HTTP authentication' : 'Does not send cookies');
      expect(within(cell(mode, 'Same-origin request')).getByText('Tested in Chromium and Firefox')).toHaveAttribute('data-fact', fact.id);
      expect(text).toContain('Readable by the script always');
    }
  });

  test('cross-origin: only include sends credentials, and then the response needs Allow-Credentials and a non-* origin', () => {
    render(<CredentialsModeDiagram caption="Credentials modes" />);
    expect(cell('omit', 'Cross-origin request')).toHaveTextContent('Does not send');
    expect(cell('same-origin', 'Cross-origin request')).toHaveTextContent('Does not send');
    expect(cell('same-origin', 'Cross-origin request')).toHaveTextContent('Readable by the script if Access-Control-Allow-Origin is * or the page');
    const include = cell('include', 'Cross-origin request');
    expect(include).toHaveTextContent('Sends cookies and remembered HTTP authentication');
    expect(include).toHaveTextContent(
      "only with Access-Control-Allow-Credentials: true and Access-Control-Allow-Origin naming the page's exact origin, not *; otherwise fetch rejects",
    );
    expect(within(include).getByRole('link', { name: 'Fetch standard' })).toHaveAttribute('href', expect.stringContaining('fetch.spec.whatwg.org'));
  });

  test('the note on a script’s own Authorization comes from its fact', () => {
    render(<CredentialsModeDiagram caption="Credentials modes" />);
    expect(screen.getByText(/goes out in every mode/)).toHaveTextContent('fact script-authorization-omit');
  });

  test('a fact on which the engines differ cannot be drawn as one cell: the build fails naming it', () => {
    const facts = BROWSER_FACTS.map((f): BrowserFact =>
      f.id === 'remembered-include' && f.kind === 'remembered-credentials' ? { ...f, firefox: { attaches: false } } : f,
    );
    expect(() => credentialsModesModel({ caption: 'x' }, facts)).toThrow(/<CredentialsModeDiagram> has invalid props[\s\S]*remembered-include.*differ/);
    const missing = BROWSER_FACTS.filter((f) => f.id !== 'remembered-omit');
    expect(() => credentialsModesModel({ caption: 'x' }, missing)).toThrow(/no remembered-credentials fact for credentials: omit/);
    expect(() => credentialsModesModel({ caption: '' })).toThrow(/caption: must not be empty/);
  });

  test('the recorded outcome drives the mark: flip a fact and the cell flips', () => {
    const facts = BROWSER_FACTS.map((f): BrowserFact =>
      f.id === 'remembered-omit' && f.kind === 'remembered-credentials' ? { ...f, chromium: { attaches: true }, firefox: { attaches: true } } : f,
    );
    expect(credentialsModesModel({ caption: 'x' }, facts).rows[0]?.cells[0]?.attaches).toBe(true);
    expect(credentialsModesModel({ caption: 'x' }).rows[0]?.cells[0]?.attaches).toBe(false);
  });
});
