import { THEME_STORAGE_KEY, themeInitScript } from '@/lib/site/theme';

// The head script on embed pages: theme from the URL (never storage), and the trainer's options
// applied before the first paint.

const root = document.documentElement;

function openAt(path: string, systemDark = false) {
  window.history.replaceState(null, '', path);
  window.matchMedia = jest.fn().mockImplementation((query: string) => ({ matches: systemDark && query === '(prefers-color-scheme: dark)', media: query }));
  new Function(themeInitScript)();
}

beforeEach(() => {
  localStorage.clear();
  root.className = '';
  for (const key of Object.keys(root.dataset)) delete root.dataset[key];
  document.getElementById('embed-section-style')?.remove();
});

afterAll(() => window.history.replaceState(null, '', '/'));

describe('embed head script', () => {
  test.each([
    ['/embed/lessons/x?theme=dark', false, 'dark', true],
    ['/embed/lessons/x?theme=light', true, 'light', false],
    ['/embed/lessons/x?theme=auto', true, 'system', true],
    ['/embed/lessons/x', false, 'system', false],
  ])('%s with system dark=%p: preference %p, dark %p', (path, systemDark, preference, dark) => {
    openAt(path, systemDark);
    expect(root.dataset.theme).toBe(preference);
    expect(root.classList.contains('dark')).toBe(dark);
    expect(root.dataset.embed).toBe('');
  });

  test('an embed ignores the theme stored by the full site', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    openAt('/embed/try/basic');
    expect(root.dataset.theme).toBe('system');
    expect(root.classList.contains('dark')).toBe(false);
  });

  test('the full site still reads the stored theme and sets no embed flags', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    openAt('/lessons/x?theme=light&sandbox=hide');
    expect(root.dataset.theme).toBe('dark');
    expect(root.dataset.embed).toBeUndefined();
    expect(root.dataset.embedHideSandbox).toBeUndefined();
  });

  test('sandbox=hide, quiz=hide and section set the flags and the section style', () => {
    openAt('/embed/lessons/x?sandbox=hide&quiz=hide&section=the-401-challenge');
    expect(root.dataset.embedHideSandbox).toBe('');
    expect(root.dataset.embedHideQuiz).toBe('');
    expect(root.dataset.embedSection).toBe('the-401-challenge');
    expect(document.getElementById('embed-section-style')?.textContent).toBe('.lesson-prose>:not([data-section="the-401-challenge"]){display:none}');
  });

  test('a section value that could escape the CSS selector is ignored', () => {
    openAt(`/embed/lessons/x?section=${encodeURIComponent('a"]{}*{display:none}[x="')}`);
    expect(root.dataset.embedSection).toBeUndefined();
    expect(document.getElementById('embed-section-style')).toBeNull();
  });
});
