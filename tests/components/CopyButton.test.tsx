import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyButton } from '@/components/ui/CopyButton';

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('CopyButton', () => {
  test('copies the exact text and says so in words', async () => {
    const user = userEvent.setup();
    const writeText = jest.spyOn(navigator.clipboard, 'writeText');
    render(<CopyButton text={'curl -i https://api.example.com/reports'} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('curl -i https://api.example.com/reports');
    await expect(navigator.clipboard.readText()).resolves.toBe('curl -i https://api.example.com/reports');
    expect(screen.getByRole('status')).toHaveTextContent('Copied to the clipboard.');
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  });

  test('returns to its label after a moment', async () => {
    jest.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    render(<CopyButton text="x" label="Copy code" />);
    await user.click(screen.getByRole('button', { name: 'Copy code' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    act(() => jest.advanceTimersByTime(3000));
    expect(screen.getByRole('button', { name: 'Copy code' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  test('tells the reader how to copy by hand when the clipboard is refused', async () => {
    const user = userEvent.setup();
    jest.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    render(<CopyButton text="x" />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(screen.getByRole('status')).toHaveTextContent('Could not copy: select the text and press Ctrl+C');
  });
});
