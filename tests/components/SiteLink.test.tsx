import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SiteLink } from '@/components/layout/SiteLink';
import { testRouter } from '../setup/components';

describe('SiteLink: a link to a page of the lab that prefetches on intent, not on sight', () => {
  test('rendering (and so scrolling into view) fetches nothing', () => {
    render(<SiteLink href="/playground">Open the playground</SiteLink>);
    expect(screen.getByRole('link', { name: 'Open the playground' })).toHaveAttribute('href', '/playground');
    expect(testRouter.prefetch).not.toHaveBeenCalled();
  });

  test('the pointer over it prefetches its page', async () => {
    render(<SiteLink href="/lessons">Lessons</SiteLink>);
    await userEvent.hover(screen.getByRole('link', { name: 'Lessons' }));
    expect(testRouter.prefetch).toHaveBeenCalledWith('/lessons');
  });

  test('keyboard focus prefetches its page', async () => {
    render(<SiteLink href="/api">API</SiteLink>);
    await userEvent.tab();
    expect(screen.getByRole('link', { name: 'API' })).toHaveFocus();
    expect(testRouter.prefetch).toHaveBeenCalledWith('/api');
  });

  test('a touch starting on it prefetches its page', () => {
    render(<SiteLink href="/lessons/basic">Basic</SiteLink>);
    fireEvent.touchStart(screen.getByRole('link', { name: 'Basic' }));
    expect(testRouter.prefetch).toHaveBeenCalledWith('/lessons/basic');
  });

  test("the caller's own handlers and attributes still apply", async () => {
    const onFocus = jest.fn();
    render(
      <SiteLink href="/" rel="prev" aria-current="page" className="nav" onFocus={onFocus}>
        Home
      </SiteLink>,
    );
    const link = screen.getByRole('link', { name: 'Home' });
    expect(link).toHaveAttribute('rel', 'prev');
    expect(link).toHaveAttribute('aria-current', 'page');
    expect(link).toHaveClass('nav');
    await userEvent.tab();
    expect(onFocus).toHaveBeenCalledTimes(1);
  });
});
