import { act, render, screen, within } from '@testing-library/react';
import { StickyContents } from '@/app/(site)/lessons/_components/StickyContents';
import { TableOfContents } from '@/app/(site)/lessons/_components/TableOfContents';
import type { TocEntry } from '@/lib/content/headings';

const entries: TocEntry[] = [
  { id: 'who-you-are', text: 'Who you are and what you may do', depth: 2 },
  { id: '401-the-server-asks-who-you-are', text: '401: the server asks who you are', depth: 2 },
  { id: 'reading-the-challenge', text: 'Reading the challenge', depth: 3 },
];

// jsdom lays nothing out: each heading's top is set by hand, and the observer is a stand-in that lets
// the test say "a heading crossed the line", as the browser's would on a scroll.
const tops = new Map<string, number>();
let crossed: () => void = () => {};

beforeEach(() => {
  tops.clear();
  globalThis.IntersectionObserver = class {
    constructor(callback: () => void) {
      crossed = callback;
    }
    observe() {}
    disconnect() {}
  } as unknown as typeof IntersectionObserver;
  globalThis.ResizeObserver = class {
    observe() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  jest.spyOn(window, 'requestAnimationFrame').mockImplementation((run) => {
    run(0);
    return 0;
  });
  for (const entry of entries) {
    const heading = document.createElement(entry.depth === 2 ? 'h2' : 'h3');
    heading.id = entry.id;
    heading.getBoundingClientRect = () => ({ top: tops.get(entry.id) ?? 5000 }) as DOMRect;
    document.body.appendChild(heading);
  }
});

afterEach(() => {
  for (const entry of entries) document.getElementById(entry.id)?.remove();
});

function scrollTo(place: Record<string, number>) {
  for (const [id, top] of Object.entries(place)) tops.set(id, top);
  act(() => crossed());
}

describe('the contents mark the section being read', () => {
  test('the bar names the current section and its list marks it with aria-current', () => {
    render(<StickyContents entries={entries} />);
    const summary = screen.getByText('Contents').closest('summary');
    if (!summary) throw new Error('no summary');
    expect(summary).toHaveTextContent(/^Contents$/);

    scrollTo({ 'who-you-are': -900, '401-the-server-asks-who-you-are': 40, 'reading-the-challenge': 700 });
    expect(summary).toHaveTextContent('Contents· 401: the server asks who you are');
    const list = screen.getByRole('navigation', { name: 'Contents', hidden: true });
    const current = within(list).getByRole('link', { name: '401: the server asks who you are', hidden: true });
    expect(current).toHaveAttribute('aria-current', 'location');
    expect(within(list).getByRole('link', { name: 'Who you are and what you may do', hidden: true })).not.toHaveAttribute('aria-current');

    scrollTo({ 'reading-the-challenge': 10 });
    expect(summary).toHaveTextContent('Contents· Reading the challenge');
  });

  test('the side column marks the same section', () => {
    render(<TableOfContents entries={entries} />);
    const nav = screen.getByRole('navigation', { name: 'On this page' });
    expect(within(nav).queryByRole('link', { current: 'location' })).toBeNull();
    scrollTo({ 'who-you-are': 20 });
    expect(within(nav).getByRole('link', { current: 'location' })).toHaveAccessibleName('Who you are and what you may do');
  });
});
