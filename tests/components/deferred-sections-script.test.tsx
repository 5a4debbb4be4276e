import { ALL_SECTIONS_ATTRIBUTE, deferredSectionsScript } from '@/lib/site/deferred-sections';

// The head script that decides whether a lesson may defer laying out its later sections: only a plain
// visit defers; a #fragment, a reload, a history step or a followed fragment link lays out every section
// first (tests/browser/lesson-sections.test.ts shows where each lands in Chromium).

const root = document.documentElement;
const marked = () => root.hasAttribute(ALL_SECTIONS_ATTRIBUTE);

/** Runs the script as the page's <head> would, for a navigation of the given type to the given path. */
function openAt(path: string, type: NavigationTimingType | 'no timing' = 'navigate') {
  window.history.replaceState(null, '', path);
  const entries = type === 'no timing' ? undefined : [{ type }];
  Object.defineProperty(performance, 'getEntriesByType', {
    configurable: true,
    value: entries
      ? () => entries
      : () => {
          throw new TypeError('not supported');
        },
  });
  new Function(deferredSectionsScript)();
}

beforeEach(() => {
  root.removeAttribute(ALL_SECTIONS_ATTRIBUTE);
  document.body.innerHTML = '';
});
afterAll(() => window.history.replaceState(null, '', '/'));

describe('deferred lesson sections: the head script', () => {
  test('a plain visit defers (no mark)', () => {
    openAt('/lessons/basic-authentication');
    expect(marked()).toBe(false);
  });

  test.each([
    ['a visit at a #fragment', '/lessons/basic-authentication#summary', 'navigate'],
    ['a reload', '/lessons/basic-authentication', 'reload'],
    ['a history step into the page', '/lessons/basic-authentication', 'back_forward'],
    ['a browser without navigation timing', '/lessons/basic-authentication', 'no timing'],
  ] as const)('%s lays out every section', (_label, path, type) => {
    openAt(path, type);
    expect(marked()).toBe(true);
  });

  test('a click on a link with a fragment marks the page before the browser jumps; other clicks do not', () => {
    openAt('/lessons/basic-authentication');
    document.body.innerHTML = '<a href="/playground">away</a><button type="button">Check</button><a href="#summary"><span>Summary</span></a>';
    document.querySelector('button')?.click();
    document.querySelector<HTMLAnchorElement>('a[href="/playground"]')?.addEventListener('click', (event) => event.preventDefault());
    document.querySelector<HTMLAnchorElement>('a[href="/playground"]')?.click();
    expect(marked()).toBe(false);
    let markedWhenTheLinkSawTheClick: boolean | undefined;
    const fragmentLink = document.querySelector<HTMLAnchorElement>('a[href="#summary"]');
    fragmentLink?.addEventListener('click', () => (markedWhenTheLinkSawTheClick = marked()));
    document.querySelector('span')?.click();
    expect(markedWhenTheLinkSawTheClick).toBe(true);
  });

  test('a history step within the page (popstate, hashchange) lays out every section', () => {
    openAt('/lessons/basic-authentication');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(marked()).toBe(true);
    root.removeAttribute(ALL_SECTIONS_ATTRIBUTE);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(marked()).toBe(true);
  });
});
