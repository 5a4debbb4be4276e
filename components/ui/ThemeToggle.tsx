'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { applyTheme, isThemePreference, resolveTheme, THEME_STORAGE_KEY, type ThemePreference } from '@/lib/site/theme';
import { writePreference } from '@/lib/site/storage';

const THEME_EVENT = 'http-auth-lab:themechange';
const DARK_QUERY = '(prefers-color-scheme: dark)';

// The head script already applied the stored preference to <html data-theme>; that attribute is the
// single source of truth, so the toggle reads it rather than keeping state of its own.
function currentPreference(): ThemePreference {
  const value = document.documentElement.dataset.theme;
  return isThemePreference(value) ? value : 'system';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(THEME_EVENT, onChange);
  return () => window.removeEventListener(THEME_EVENT, onChange);
}

function choose(preference: ThemePreference) {
  writePreference(THEME_STORAGE_KEY, preference);
  applyTheme(document.documentElement, preference, resolveTheme(preference, window.matchMedia(DARK_QUERY).matches));
  window.dispatchEvent(new Event(THEME_EVENT));
}

const OPTIONS: { value: ThemePreference; label: string; icon: React.ReactNode }[] = [
  {
    value: 'light',
    label: 'Light theme',
    icon: <path d="M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10Zm0-5v3m0 14v3M4.2 4.2l2.1 2.1m11.4 11.4 2.1 2.1M2 12h3m14 0h3M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1" />,
  },
  { value: 'dark', label: 'Dark theme', icon: <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z" /> },
  {
    value: 'system',
    label: 'System theme',
    icon: <path d="M3 4h18v12H3zM8 20h8m-4-4v4" />,
  },
];

/** Light / Dark / System. The choice persists (in memory when storage is blocked). */
export function ThemeToggle() {
  const preference = useSyncExternalStore(subscribe, currentPreference, () => undefined);

  // While following the system, follow its changes live.
  useEffect(() => {
    if (preference !== 'system') return;
    const query = window.matchMedia(DARK_QUERY);
    const follow = () => applyTheme(document.documentElement, 'system', resolveTheme('system', query.matches));
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [preference]);

  return (
    <div role="group" aria-label="Colour theme" className="flex rounded-md border border-line p-0.5">
      {OPTIONS.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={preference === option.value}
          aria-label={option.label}
          title={option.label}
          onClick={() => choose(option.value)}
          className="inline-flex h-8 w-8 items-center justify-center rounded text-muted hover:bg-surface hover:text-ink aria-pressed:bg-accent aria-pressed:text-accent-ink sm:h-9 sm:w-9"
        >
          <svg
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
            className="h-5 w-5 fill-none stroke-current"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          >
            {option.icon}
          </svg>
        </button>
      ))}
    </div>
  );
}
