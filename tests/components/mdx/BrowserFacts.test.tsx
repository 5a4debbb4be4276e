import { render, screen, within } from '@testing-library/react';
import { BrowserFacts } from '@/components/mdx/BrowserFacts';
import { findBrowserFact, outcomeText } from '@/lib/content/browser-facts';

describe('<BrowserFacts>', () => {
  test('a table named by its caption: a column per engine, a row header per fact, differences said in words', () => {
    render(<BrowserFacts caption="A 407 from a server that is not the proxy" ids={['fetch-407-not-the-proxy']} />);
    const table = screen.getByRole('table', { name: /A 407 from a server that is not the proxy/ });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['When', 'Chromium', 'Firefox', 'Node.js fetch']);
    const fact = findBrowserFact('fetch-407-not-the-proxy');
    if (!fact) throw new Error('the fact this test renders is gone from content/browser-facts.yaml');
    // The row says "Engines differ" exactly when the file records different outcomes.
    expect(within(table).getByRole('rowheader').textContent?.includes('Engines differ')).toBe(JSON.stringify(fact.chromium) !== JSON.stringify(fact.firefox));
    const plain = (client: 'chromium' | 'firefox' | 'node') => (outcomeText(fact, client) ?? '').replaceAll('`', '');
    expect(
      within(table)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual([plain('chromium'), plain('firefox'), plain('node')]);
  });

  test('an unknown fact id throws while rendering (the build fails)', () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<BrowserFacts caption="x" ids={['no-such-fact']} />)).toThrow(/no fact "no-such-fact"/);
  });
});
