// The page sweep (pages.test.ts) fits one lesson on a phone; this one fits every lesson, because what
// overflows is content: a long URL in backticks inside a quiz made lesson 13 scroll sideways on a phone
// (a fieldset is at least as wide as its longest word unless told otherwise).
import { loadLessons } from '@/lib/content/lessons';
import { openBrowser } from './support/chromium';
import { baseUrl, hydrated } from './support/site';

describe('every lesson on a 360 px wide phone', () => {
  test.each(loadLessons().map((lesson) => lesson.slug))('%s: no sideways scrolling', async (slug) => {
    const session = await openBrowser({ viewport: { width: 360, height: 740 } });
    try {
      const { page } = session;
      await page.goto(`${baseUrl()}/lessons/${slug}`, { waitUntil: 'load' });
      await hydrated(page);
      // Lay out every section, as a reader who scrolls to the end does: a section not yet near the
      // screen skips layout (content-visibility: auto, app/globals.css) and would hide its overflow.
      await page.evaluate(() => document.documentElement.setAttribute('data-all-sections', ''));
      await page.evaluate(() => document.fonts.ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      // On failure, name what sticks out (code blocks and tables scroll in their own box, so not those).
      const culprits =
        overflow <= 0
          ? []
          : await page.evaluate(() =>
              [...document.querySelectorAll('main *')]
                .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .filter((element) => !element.closest('pre, table, [class*="overflow-x-auto"]'))
                .map((element) => `${element.tagName.toLowerCase()}: ${(element.textContent ?? '').slice(0, 60)}`),
            );
      expect({ overflow: Math.max(overflow, 0), culprits }).toEqual({ overflow: 0, culprits: [] });
    } finally {
      await session.close();
    }
  });
});
