import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TRAINER_STORAGE_KEY, TrainerToggle } from '@/components/embed/TrainerToggle';

describe('TrainerToggle', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.removeAttribute('data-trainer');
  });

  test('off by default: a toggle button, not pressed, and the page is not in trainer mode', () => {
    render(<TrainerToggle />);
    const toggle = screen.getByRole('button', { name: /For trainers/ });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(toggle).toHaveTextContent('off');
    expect(document.documentElement).not.toHaveAttribute('data-trainer');
  });

  test('pressing it turns trainer mode on and remembers it; pressing again turns it off', async () => {
    const { unmount } = render(<TrainerToggle />);
    await userEvent.click(screen.getByRole('button', { name: /For trainers/ }));
    expect(screen.getByRole('button', { name: /For trainers/ })).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveAttribute('data-trainer');
    expect(localStorage.getItem(TRAINER_STORAGE_KEY)).toBe('on');
    unmount();

    // The next lesson page starts in trainer mode.
    document.documentElement.removeAttribute('data-trainer');
    render(<TrainerToggle />);
    const toggle = screen.getByRole('button', { name: /For trainers/ });
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(document.documentElement).toHaveAttribute('data-trainer');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(document.documentElement).not.toHaveAttribute('data-trainer');
    expect(localStorage.getItem(TRAINER_STORAGE_KEY)).toBe('off');
  });
});
