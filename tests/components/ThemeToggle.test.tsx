import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ThemeToggle } from '@/components/ui/ThemeToggle';
import { THEME_STORAGE_KEY, themeInitScript } from '@/lib/site/theme';

function mockSystemDark(dark: boolean) {
  window.matchMedia = jest.fn().mockImplementation((query: string) => ({
    matches: dark && query === '(prefers-color-scheme: dark)',
    media: query,
    addEventListener: jest.fn(),
    removeEventListener: jest.fn(),
  }));
}

/** Runs the inline head script exactly as the browser does before first paint. */
function runHeadScript() {
  new Function(themeInitScript)();
}

const root = document.documentElement;

beforeEach(() => {
  localStorage.clear();
  root.className = '';
  delete root.dataset.theme;
  mockSystemDark(false);
});

describe('theme head script', () => {
  test.each([
    [null, false, 'system', false],
    [null, true, 'system', true],
    ['dark', false, 'dark', true],
    ['light', true, 'light', false],
    ['bogus', true, 'system', true],
  ])('stored %p with system dark=%p -> preference %p, dark class %p', (stored, systemDark, preference, dark) => {
    if (stored) localStorage.setItem(THEME_STORAGE_KEY, stored);
    mockSystemDark(systemDark);
    runHeadScript();
    expect(root.dataset.theme).toBe(preference);
    expect(root.classList.contains('dark')).toBe(dark);
    expect(root.style.colorScheme).toBe(dark ? 'dark' : 'light');
  });

  test('follows the system when storage is blocked', () => {
    const getItem = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    mockSystemDark(true);
    runHeadScript();
    expect(root.classList.contains('dark')).toBe(true);
    getItem.mockRestore();
  });
});

describe('ThemeToggle', () => {
  test('shows the current preference as the pressed button', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    runHeadScript();
    render(<ThemeToggle />);
    expect(screen.getByRole('group', { name: 'Colour theme' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'false');
  });

  test('choosing a theme applies it at once and remembers it', async () => {
    runHeadScript();
    render(<ThemeToggle />);
    await userEvent.click(screen.getByRole('button', { name: 'Dark theme' }));
    expect(root.classList.contains('dark')).toBe(true);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');

    await userEvent.click(screen.getByRole('button', { name: 'Light theme' }));
    expect(root.classList.contains('dark')).toBe(false);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  });

  test('"System" follows prefers-color-scheme', async () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    runHeadScript();
    mockSystemDark(true);
    render(<ThemeToggle />);
    await userEvent.click(screen.getByRole('button', { name: 'System theme' }));
    expect(root.classList.contains('dark')).toBe(true);
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('system');
  });

  test('still switches when storage refuses writes', async () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    runHeadScript();
    render(<ThemeToggle />);
    await userEvent.click(screen.getByRole('button', { name: 'Dark theme' }));
    expect(root.classList.contains('dark')).toBe(true);
    expect(screen.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    setItem.mockRestore();
  });
});
