// Theme preference: what the reader chose ('system' follows prefers-color-scheme).
// The same rules run twice: in the inline head script (before first paint, so no flash of the wrong
// theme) and in the ThemeToggle. Keep THEME_STORAGE_KEY and the script in step.

import { EMBED_PREFIX, SECTION_ID_PATTERN } from './embed';

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
 * iframes): then it follows the system. Embeds (/embed/...) never read storage: they follow their
 * `theme` parameter, else the system, and take the trainer's display options from the query here,
 * before the first paint, so a hidden part never flashes (lib/site/embed.ts documents them).
 */
export const themeInitScript = `(function(){try{var r=document.documentElement,p;if(location.pathname.indexOf(${JSON.stringify(`${EMBED_PREFIX}/`)})===0){var q=new URLSearchParams(location.search);p=q.get('theme');r.dataset.embed='';if(q.get('sandbox')==='hide')r.dataset.embedHideSandbox='';if(q.get('quiz')==='hide')r.dataset.embedHideQuiz='';var s=q.get('section');if(s&&new RegExp(${JSON.stringify(SECTION_ID_PATTERN.source)},'u').test(s)){r.dataset.embedSection=s;var st=document.createElement('style');st.id='embed-section-style';st.textContent='.lesson-prose>:not([data-section="'+s+'"]){display:none}';document.head.appendChild(st)}}else{try{p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}}if(p!=='light'&&p!=='dark')p='system';var d=p==='dark'||(p==='system'&&window.matchMedia('(prefers-color-scheme: dark)').matches);r.classList.toggle('dark',d);r.dataset.theme=p;r.style.colorScheme=d?'dark':'light'}catch(e){}})();`;
