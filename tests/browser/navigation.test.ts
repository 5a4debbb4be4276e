jest.setTimeout(60_000);
// Links between the lab's pages (SiteLink) in real Chromium: a page fetches none of the pages it links to
// while the reader only looks at it; pointing at a link or focusing it prefetches that page, and following
// it is a client-side navigation that needs no new document.
import type { Page, Request } from 'playwright-core';
import { openBrowser } from './support/chromium';
import { baseUrl, firstLesson } from './support/site';

/** Next's router fetches a page's RSC payload with an `RSC: 1` header; a prefetch adds Next-Router-Prefetch. */
function watchRouterFetches(page: Page): { prefetched: string[]; fetched: string[] } {
  const seen = { prefetched: [] as string[], fetched: [] as string[] };
  page.on('request', (request: Request) => {
    const headers = request.headers();
    if (headers.rsc !== '1') return;
    const path = new URL(request.url()).pathname;
    (headers['next-router-prefetch'] ? seen.prefetched : seen.fetched).push(path);
  });
  return seen;
}

/** Resolves once `check` holds, polling; fails with what it last saw after `ms`. */
async function eventually(check: () => boolean, describe: () => string, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the page has been idle long enough for viewport prefetching to have happened, were it on. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
}

/** A fresh browser watching the router's fetches; `load` opens `path` and waits until it has settled. */
async function openWatched(path: string, options?: Parameters<typeof openBrowser>[0]) {
  const session = await openBrowser(options);
  const seen = watchRouterFetches(session.page);
  const load = async () => {
    await session.page.goto(`${baseUrl()}${path}`);
    await settle(session.page);
  };
  return { ...session, seen, load };
}

describe('links between pages prefetch on intent', () => {
  test.each([
    ['the home page', '/'],
    ['a lesson', `/lessons/${firstLesson().slug}`],
    ['the lessons index', '/lessons'],
  ])('%s, only looked at (phone-sized, links in view): no page it links to is fetched', async (_label, path) => {
    const { page, close, seen, load } = await openWatched(path, { viewport: { width: 412, height: 823 } });
    try {
      await load();
      await page.mouse.wheel(0, 4_000);
      await settle(page);
      expect(await page.getByRole('link').count()).toBeGreaterThan(3);
      expect(seen).toEqual({ prefetched: [], fetched: [] });
    } finally {
      await close();
    }
  });

  test('the pointer over a link prefetches its page; following it needs no new document', async () => {
    const { page, close, seen, load } = await openWatched('/');
    try {
      const documents: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'document') documents.push(new URL(request.url()).pathname);
      });
      await load();
      const link = page.getByRole('link', { name: 'Open the playground' });
      await link.hover();
      await eventually(
        () => seen.prefetched.includes('/playground'),
        () => `prefetched ${JSON.stringify(seen.prefetched)}`,
      );
      await link.click();
      await page.getByRole('heading', { level: 1, name: /playground/i }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/playground');
      expect(documents).toEqual(['/']);
    } finally {
      await close();
    }
  });

  test('keyboard focus on a link prefetches its page', async () => {
    const { page, close, seen, load } = await openWatched('/');
    try {
      await load();
      await page.getByRole('link', { name: 'Lessons' }).first().focus();
      await eventually(
        () => seen.prefetched.includes('/lessons'),
        () => `prefetched ${JSON.stringify(seen.prefetched)}`,
      );
    } finally {
      await close();
    }
  });
});
