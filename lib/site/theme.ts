// Theme preference: what the reader chose ('system' follows prefers-color-scheme).
// The same rules run twice: in the inline head script (before first paint, so no flash of the wrong
// theme) and in the ThemeToggle. Keep THEME_STORAGE_KEY and the script in step.

export const THEME_PREFERENCES = ['light', 'dark', 'system'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'http-auth-lab:theme';

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === 'string' && (THEME_PREFERENCES as readonly string[]).includes(value);
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  switch (preference) {
    case 'light':
    case 'dark':
      return preference;
    case 'system':
      return systemPrefersDark ? 'dark' : 'light';
    default: {
      const unreachable: never = preference;
      return unreachable;
    }
  }
}

/** Applies a theme to <html>: the `dark` class drives Tailwind's dark variant, color-scheme the UA widgets. */
export function applyTheme(root: HTMLElement, preference: ThemePreference, theme: Theme): void {
  root.classList.toggle('dark', theme === 'dark');
  root.dataset.theme = preference;
  root.style.colorScheme = theme;
}

/**
 * Runs inline in <head> before the body paints. Storage may be blocked (privacy settings, sandboxed
 * iframes): then it follows the system.
 */
export const themeInitScript = `(function(){try{var p;try{p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}if(p!=='light'&&p!=='dark')p='system';var d=p==='dark'||(p==='system'&&window.matchMedia('(prefers-color-scheme: dark)').matches);var r=document.documentElement;r.classList.toggle('dark',d);r.dataset.theme=p;r.style.colorScheme=d?'dark':'light'}catch(e){}})();`;
