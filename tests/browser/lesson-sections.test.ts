jest.setTimeout(60_000);
// A lesson lays out the sections the reader has not reached only when they near them (content-visibility:
// auto, lib/site/deferred-sections.ts). In real Chromium: that deferral is really in effect on a plain
// visit, and every jump still lands where it should: a page opened at a #fragment, a fragment link, a
// reload mid-lesson, and Back after following a link to another page.
import type { Page } from 'playwright-core';
import { openBrowser } from './support/chromium';
import { lastSection, scrollAtRest } from './support/lesson-scroll';
import { baseUrl, firstLesson, openPage, reloadPage } from './support/site';

const lessonUrl = () => `${baseUrl()}/lessons/${firstLesson().slug}`;
const PHONE = { width: 412, height: 823 };

/** Where a heading is: its top against the bottom of the sticky site header, once scrolling has stopped. */
async function headingPlace(page: Page, id: string): Promise<{ top: number; headerBottom: number }> {
  let previous = Number.NaN;
  for (let i = 0; i < 40; i++) {
    const top = await page.evaluate((headingId) => document.getElementById(headingId)?.getBoundingClientRect().top ?? Number.NaN, id);
    if (top === previous) break;
    previous = top;
    await page.waitForTimeout(100);
  }
  const headerBottom = await page.getByRole('banner').evaluate((header) => header.getBoundingClientRect().bottom);
  return { top: previous, headerBottom };
}

type InView = { id: string | undefined; top: number };

/** The first heading below the top of the viewport, and where it is: what a reader sees first. */
const firstHeadingInView = (page: Page): Promise<InView> =>
  page.evaluate(() => {
    const heading = [...document.querySelectorAll('h2[id], h3[id]')].find((element) => element.getBoundingClientRect().top > 0);
    return { id: heading?.id, top: Math.round(heading?.getBoundingClientRect().top ?? Number.NaN) };
  });

/** What the reader sees first once scrolling has come to rest. */
async function restingView(page: Page): Promise<InView> {
  await scrollAtRest(page);
  return firstHeadingInView(page);
}

/** Resolves once `near` holds for what the reader sees first (restoring a place can take a moment), or after 10 s. */
async function viewWhere(page: Page, near: (view: InView) => boolean): Promise<InView> {
  const deadline = Date.now() + 10_000;
  let view = await restingView(page);
  while (!near(view) && Date.now() < deadline) view = await restingView(page);
  return view;
}

describe('deferred lesson sections', () => {
  test('a plain visit lays out only what is near the first screen; a fragment link then lays out every section', async () => {
    const { page, close } = await openBrowser({ viewport: PHONE });
    try {
      await openPage(page, lessonUrl());
      // A section's own box is laid out; what it skips is its content.
      const skipped = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.lesson-prose > section[data-section]')].map(
            (section) => !section.firstElementChild?.checkVisibility({ contentVisibilityAuto: true }),
          ),
        );
      const before = await skipped();
      expect(before[0]).toBe(false);
      expect(before.at(-1)).toBe(true);
      await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: lastSection().text, exact: true }).click();
      expect(await skipped()).toEqual(before.map(() => false));
    } finally {
      await close();
    }
  });

  test.each([
    ['opened at its #fragment', async (page: Page, id: string) => openPage(page, `${lessonUrl()}#${id}`)],
    [
      'reached by its table-of-contents link',
      async (page: Page, id: string) => {
        await openPage(page, lessonUrl());
        await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: lastSection().text, exact: true }).click();
        await page.waitForURL(`**#${id}`);
      },
    ],
  ])('the last section %s: its heading lands at the top, just below the site header', async (_label, arrive) => {
    const { page, close } = await openBrowser({ viewport: { width: 1440, height: 900 } });
    try {
      const { id } = lastSection();
      await arrive(page, id);
      // On a busy machine the smooth scroll can start a moment after the jump (every section is laid out
      // first), and two equal reads before it starts would look like rest: wait for the heading to come on
      // screen (or 10 s), then for it to settle.
      await page
        .waitForFunction((headingId) => (document.getElementById(headingId)?.getBoundingClientRect().top ?? Infinity) < window.innerHeight, id, {
          timeout: 10_000,
        })
        .catch(() => undefined);
      const { top, headerBottom } = await headingPlace(page, id);
      expect(top).toBeGreaterThanOrEqual(headerBottom);
      expect(top).toBeLessThan(headerBottom + 120);
    } finally {
      await close();
    }
  });

  test('a reload mid-lesson, and Back after following a link away, return the reader to the same place', async () => {
    const { page, close } = await openBrowser({ viewport: PHONE });
    try {
      await openPage(page, lessonUrl());
      // Read on by scrolling, as a reader does: sections are laid out as they come near.
      for (let i = 0; i < 12; i++) {
        await page.mouse.wheel(0, 900);
        await page.waitForTimeout(100);
      }
      const reading = await restingView(page);
      expect(reading.id).toBeDefined();
      await reloadPage(page);
      expect(await viewWhere(page, (view) => view.id === reading.id && view.top === reading.top)).toEqual(reading);

      const away = page.getByRole('link', { name: /in the playground$/ }).first();
      await away.scrollIntoViewIfNeeded();
      const beforeLeaving = await restingView(page);
      await away.click();
      await page.waitForURL('**/playground?**');
      // The reader is on the playground once its scroll to the top has ended (stepping back in the middle
      // of that animation lets it finish after the lesson's place was restored, at the top).
      await scrollAtRest(page);
      await page.goBack();
      await page.waitForURL(lessonUrl());
      const back = await viewWhere(page, (view) => view.id === beforeLeaving.id && Math.abs(view.top - beforeLeaving.top) < 40);
      expect(back.id).toBe(beforeLeaving.id);
      expect(Math.abs(back.top - beforeLeaving.top)).toBeLessThan(40);
    } finally {
      await close();
    }
  });
});
