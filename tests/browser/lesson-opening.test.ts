jest.setTimeout(90_000);
// Issue 16, "Make the first minutes good", in real Chromium: per-heading Embed buttons only in trainer
// mode, a contents bar that names and marks the section being read, and folded deep material that a
// link into it opens.
import type { Page } from 'playwright-core';
import { openBrowser } from './support/chromium';
import { landedPlace, lastSection, scrollAtRest } from './support/lesson-scroll';
import { baseUrl, firstLesson, openPage, reloadPage } from './support/site';

const lessonUrl = () => `${baseUrl()}/lessons/${firstLesson().slug}`;
const PHONE = { width: 412, height: 823 };

// Every per-heading button, shown or not (a hidden one is in no accessibility tree, so not by role).
const sectionButtons = (page: Page) => page.locator('.section-heading button');

/** How many per-heading Embed buttons a reader can see (visible, so also in the accessibility tree). */
const visibleSectionButtons = (page: Page) =>
  sectionButtons(page).evaluateAll((buttons) => buttons.filter((button) => getComputedStyle(button).visibility === 'visible').length);

// Every section laid out first (as a jump does, lib/site/deferred-sections.ts): a skipped one has no box.
const headingTops = (page: Page) =>
  page.locator('.section-heading h2').evaluateAll((headings) => {
    document.documentElement.setAttribute('data-all-sections', '');
    return headings.map((heading) => Math.round(heading.getBoundingClientRect().top + scrollY));
  });

describe('the opening of a lesson', () => {
  test('the title, its three lines and one picture in the first screen; the objectives folded; the picture is not drawn twice', async () => {
    const { page, close } = await openBrowser({ viewport: { width: 1366, height: 900 } });
    try {
      await openPage(page, lessonUrl());
      const { inShort, objectives } = firstLesson().frontmatter;
      const lines = page.getByRole('region', { name: 'In short' }).getByRole('listitem');
      expect((await lines.allTextContents()).map((line) => line.trim())).toEqual(inShort.map((line) => line.replaceAll('`', '')));
      const picture = page.getByRole('figure', { name: /^In one picture:/ });
      expect(await picture.locator('svg').count()).toBe(1);
      const box = await picture.boundingBox();
      expect(box && box.y + box.height <= 900).toBe(true);
      // The steps in words, folded under the picture.
      expect(await picture.locator('details summary').textContent()).toBe('The same conversation in words');
      expect(await picture.locator('details li').count()).toBeGreaterThan(2);
      // Objectives: a closed disclosure that names how many.
      const goals = page.locator('summary', { hasText: 'You will learn to' });
      expect(await goals.textContent()).toContain(`(${objectives.length} goals)`);
      expect(await goals.evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open)).toBe(false);
      // Lesson 1's Try it of the same preset keeps its transcript behind a toggle.
      const tryit = page.locator(`section[aria-labelledby="tryit-${firstLesson().frontmatter.picture}"]`);
      expect(await tryit.locator('details[data-export-open]').evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    } finally {
      await close();
    }
  });
});

describe('the "For trainers" switch', () => {
  test('per-heading Embed buttons are hidden until it is pressed, the choice is remembered, and no text moves', async () => {
    const { page, close } = await openBrowser();
    try {
      await openPage(page, lessonUrl());
      const sections = firstLesson().toc.filter((entry) => entry.depth === 2).length;
      expect(await sectionButtons(page).count()).toBe(sections);
      expect(await visibleSectionButtons(page)).toBe(0);
      const before = await headingTops(page);

      const toggle = page.getByRole('button', { name: /For trainers/ });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await visibleSectionButtons(page)).toBe(sections);
      expect(await headingTops(page)).toEqual(before);

      // A section's button opens the Embed dialog on that section.
      const section = firstLesson().toc.find((entry) => entry.depth === 2);
      if (!section) throw new Error('no ## heading');
      await page.getByRole('button', { name: `Embed the section “${section.text}”` }).click();
      expect(await page.getByRole('dialog').getByRole('textbox', { name: 'URL' }).inputValue()).toContain(`?section=${section.id}`);
      await page.keyboard.press('Escape');

      await reloadPage(page);
      expect(await page.getByRole('button', { name: /For trainers/ }).getAttribute('aria-pressed')).toBe('true');
      expect(await visibleSectionButtons(page)).toBe(sections);
      await page.getByRole('button', { name: /For trainers/ }).click();
      expect(await visibleSectionButtons(page)).toBe(0);
    } finally {
      await close();
    }
  });

  test('without JavaScript no per-heading Embed button shows', async () => {
    const { page, close } = await openBrowser({ javaScriptEnabled: false });
    try {
      await page.goto(lessonUrl(), { waitUntil: 'load' });
      expect(await sectionButtons(page).count()).toBeGreaterThan(3);
      expect(await visibleSectionButtons(page)).toBe(0);
    } finally {
      await close();
    }
  });
});

describe('the contents bar on a phone', () => {
  const summary = (page: Page) => page.locator('summary', { hasText: /^Contents/ });

  test('names and marks the section being read, after scrolling and after a jump', async () => {
    const { page, close } = await openBrowser({ viewport: PHONE, hasTouch: true });
    try {
      await openPage(page, lessonUrl());
      const sections = firstLesson().toc.filter((entry) => entry.depth === 2);
      const second = sections[1];
      if (!second) throw new Error('the first lesson has fewer than two sections');

      // Scroll (no jump) until the second section's heading is just under the bar.
      await page.evaluate((id) => {
        const heading = document.getElementById(id);
        if (heading) window.scrollTo({ top: heading.getBoundingClientRect().top + scrollY - 150, behavior: 'instant' });
      }, second.id);
      await scrollAtRest(page);
      await page.waitForFunction((text) => document.querySelector('[data-print-hidden] summary')?.textContent?.includes(text), second.text);
      expect(await summary(page).textContent()).toBe(`Contents· ${second.text}`);
      // The list (closed, so read from the page without opening it: a tap would scroll the page first).
      const list = page.locator('nav[aria-label="Contents"]');
      const current = list.locator('a[aria-current="location"]');
      expect(await current.count()).toBe(1);
      expect(await current.textContent()).toContain(second.text);
      // Marked in more than colour: bold, and an arrow beside it.
      expect(await current.evaluate((link) => Number(getComputedStyle(link).fontWeight))).toBeGreaterThanOrEqual(600);
      expect(await current.evaluate((link) => getComputedStyle(link.querySelector('[aria-hidden]') as Element).visibility)).toBe('visible');
      expect(
        await list
          .locator('a:not([aria-current])')
          .first()
          .evaluate((link) => getComputedStyle(link.querySelector('[aria-hidden]') as Element).visibility),
      ).toBe('hidden');

      // A jump from the list to the last section: the bar names it.
      const last = lastSection();
      await summary(page).tap();
      await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: last.text, exact: true }).tap();
      await page.waitForURL(`**#${last.id}`);
      await scrollAtRest(page);
      await page.waitForFunction((text) => document.querySelector('[data-print-hidden] summary')?.textContent?.includes(text), last.text);
      expect(await summary(page).textContent()).toBe(`Contents· ${last.text}`);
    } finally {
      await close();
    }
  });
});

describe('folded deep material (<InDepth>)', () => {
  // Lesson 1 folds the lowercase-scheme demonstration; its Try it widget has this id.
  const inside = 'tryit-lowercase-scheme';

  test('starts closed; a link to something inside opens it, on arrival and on a later jump', async () => {
    const { page, close } = await openBrowser();
    try {
      await openPage(page, lessonUrl());
      const fold = page.locator('details[data-in-depth]', { has: page.locator(`[id="${inside}"]`) });
      expect(await fold.count()).toBe(1);
      expect(await fold.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
      expect(await page.locator(`[id="${inside}"]`).isVisible()).toBe(false);

      // Following a link into it.
      await page.evaluate((id) => {
        window.location.hash = id;
      }, inside);
      await page.waitForFunction((id) => document.getElementById(id)?.closest('details')?.open === true, inside);
      expect(await page.locator(`[id="${inside}"]`).isVisible()).toBe(true);
      // Waits on the widget itself coming to rest on screen: under load the smooth scroll can begin after the
      // fold has opened, so a page that looks still may not have moved yet (support/lesson-scroll.ts).
      const { top } = await landedPlace(() =>
        page.locator(`[id="${inside}"]`).evaluate((element) => {
          const box = element.getBoundingClientRect();
          return { top: box.top, bottom: box.top, stuckBottom: 0, viewport: window.innerHeight };
        }),
      );
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(900);

      // Opening the lesson at that address, in a new tab.
      const tab = await page.context().newPage();
      await openPage(tab, `${lessonUrl()}#${inside}`);
      await tab.waitForFunction((id) => document.getElementById(id)?.closest('details')?.open === true, inside);
      expect(await tab.locator(`[id="${inside}"]`).isVisible()).toBe(true);
    } finally {
      await close();
    }
  });

  test('opens from the keyboard', async () => {
    const { page, close } = await openBrowser();
    try {
      await openPage(page, lessonUrl());
      const summary = page.locator('details[data-in-depth] > summary').first();
      await summary.focus();
      await page.keyboard.press('Enter');
      expect(await summary.evaluate((element) => (element.parentElement as HTMLDetailsElement).open)).toBe(true);
    } finally {
      await close();
    }
  });
});
