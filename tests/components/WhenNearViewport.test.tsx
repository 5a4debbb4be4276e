import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { WhenNearViewport } from '@/components/ui/WhenNearViewport';

type Callback = (entries: { isIntersecting: boolean }[]) => void;
let observers: { callback: Callback; margin?: string; disconnected: boolean }[] = [];

class FakeIntersectionObserver {
  private readonly record: (typeof observers)[number];
  constructor(callback: Callback, options?: { rootMargin?: string }) {
    this.record = { callback, margin: options?.rootMargin, disconnected: false };
    observers.push(this.record);
  }
  observe() {}
  disconnect() {
    this.record.disconnected = true;
  }
}

function Subject() {
  return (
    <WhenNearViewport placeholder={(load) => <button onClick={load}>Load the tool now</button>}>
      {(requested) => <input aria-label={requested ? 'Tool (asked for)' : 'Tool (scrolled to)'} />}
    </WhenNearViewport>
  );
}

describe('WhenNearViewport', () => {
  beforeEach(() => {
    observers = [];
    Object.defineProperty(window, 'IntersectionObserver', { value: FakeIntersectionObserver, configurable: true, writable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'IntersectionObserver');
  });

  test('shows the placeholder until the reader scrolls near, then the content', () => {
    render(<Subject />);
    expect(screen.getByRole('button', { name: 'Load the tool now' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    act(() => observers[0]?.callback([{ isIntersecting: false }]));
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    act(() => observers[0]?.callback([{ isIntersecting: true }]));
    expect(screen.getByRole('textbox', { name: 'Tool (scrolled to)' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(observers[0]?.disconnected).toBe(true);
  });

  test('loads at once when the reader asks, and tells the content so it can take focus', async () => {
    const user = userEvent.setup();
    render(<Subject />);
    await user.click(screen.getByRole('button', { name: 'Load the tool now' }));
    expect(screen.getByRole('textbox', { name: 'Tool (asked for)' })).toBeInTheDocument();
  });

  test('without IntersectionObserver it simply shows the content', async () => {
    Reflect.deleteProperty(window, 'IntersectionObserver');
    render(<Subject />);
    expect(await screen.findByRole('textbox', { name: 'Tool (scrolled to)' })).toBeInTheDocument();
  });
});
