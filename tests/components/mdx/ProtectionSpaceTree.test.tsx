import '../credentials/text-encoding';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProtectionSpaceTree } from '@/components/mdx/ProtectionSpaceTree';
import type { ProtectionSpaceTreeProps } from '@/lib/content/widgets/protection-space-tree';

// The example of lesson 03 ("Reuse by path prefix").
const urls = [
  'https://api.example.com/docs/reports/q3.html',
  'https://api.example.com/docs/reports/q4.html',
  'https://api.example.com/docs/reports/2024/summary',
  'https://api.example.com/docs/index.html',
  'https://staging.example.com/docs/reports/q4.html',
];

/** What the tree says beside the radio for `url`, as a screen reader hears it (its description). */
function markOf(url: string): string {
  const radio = screen.getByRole('radio', { name: new RegExp(url.replace(/[.?]/g, '\\$&')) });
  const id = radio.getAttribute('aria-describedby') ?? '';
  return document.getElementById(id)?.textContent ?? '';
}

describe('<ProtectionSpaceTree>', () => {
  test('server-rendered with the lesson’s accepted URL: its folder and below send, the rest wait, in words', () => {
    render(<ProtectionSpaceTree urls={urls} accepted={urls[0] ?? ''} />);
    expect(screen.getByRole('figure', { name: /Where Basic credentials go unasked/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /q3\.html/ })).toBeChecked();
    expect(markOf(urls[0] ?? '')).toMatch(/sends credentials pre-emptively \(this request got the 401/);
    expect(markOf(urls[1] ?? '')).toBe('sends credentials pre-emptively (at or below /docs/reports/)');
    expect(markOf(urls[2] ?? '')).toMatch(/sends credentials pre-emptively/);
    expect(markOf(urls[3] ?? '')).toBe('waits for a challenge (outside /docs/reports/)');
    expect(markOf(urls[4] ?? '')).toMatch(/waits for a challenge \(another origin/);
    expect(screen.getByText(/Credentials go unasked to 3 of 5 URLs/)).toBeInTheDocument();
  });

  test('the tree nests folders: summary sits in 2024/, inside reports/, inside docs/', () => {
    render(<ProtectionSpaceTree urls={urls} accepted={urls[0] ?? ''} />);
    const folder = screen.getByText('2024/').closest('li') as HTMLElement;
    expect(within(folder).getByRole('radio', { name: /summary/ })).toBeInTheDocument();
    const reports = screen.getAllByText('reports/')[0]?.closest('li') as HTMLElement;
    expect(within(reports).getAllByRole('radio')).toHaveLength(3);
  });

  test('picking a shallower URL widens what gets credentials; the marks follow', async () => {
    const user = userEvent.setup();
    render(<ProtectionSpaceTree urls={urls} accepted={urls[0] ?? ''} />);
    await user.click(screen.getByRole('radio', { name: /index\.html/ }));
    expect(screen.getByRole('radio', { name: /index\.html/ })).toBeChecked();
    expect(markOf(urls[1] ?? '')).toBe('sends credentials pre-emptively (at or below /docs/)');
    expect(markOf(urls[4] ?? '')).toMatch(/waits for a challenge/);
    expect(screen.getByText(/Credentials go unasked to 4 of 5 URLs/)).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /staging/ }));
    expect(markOf(urls[0] ?? '')).toMatch(/waits for a challenge \(another origin/);
    expect(screen.getByText(/Credentials go unasked to 1 of 5 URLs/)).toBeInTheDocument();
  });

  test.each<[string, ProtectionSpaceTreeProps, RegExp]>([
    ['accepted not listed', { urls, accepted: 'https://api.example.com/elsewhere' }, /accepted: .* is not one of urls/],
    ['a relative URL', { urls: ['/docs/a', ...urls], accepted: urls[0] ?? '' }, /urls\.0: must be an absolute http\(s\) URL/],
    ['a URL twice', { urls: [...urls, urls[0] ?? ''], accepted: urls[0] ?? '' }, /names a URL twice/],
  ])('a lesson mistake fails the build naming the widget: %s', (_name, props, message) => {
    expect(() => ProtectionSpaceTree(props)).toThrow(message);
    expect(() => ProtectionSpaceTree(props)).toThrow(/<ProtectionSpaceTree> has invalid props/);
  });
});
