// Scrolling in a lesson, for the tests that jump around one: the section to jump to, and a wait for the
// page to come to rest.
import type { Page } from 'playwright-core';
import { firstLesson } from './site';

/** The first lesson's last ## section: the farthest jump its contents offer. */
export function lastSection() {
  const target = firstLesson()
    .toc.filter((entry) => entry.depth === 2)
    .at(-1);
  if (!target) throw new Error('the first lesson has no sections');
  return target;
}

/**
 * Resolves once the page has stopped scrolling: the same scrollY on three reads in a row, 100 ms apart
 * (or after 10 s). The site scrolls smoothly (scroll-behavior: smooth), so every jump, restored place and
 * scroll to the top is an animation that takes longer on a busy machine: a wait on the page, not a guess
 * at how long.
 */
export async function scrollAtRest(page: Page): Promise<void> {
  let last = await page.evaluate(() => scrollY);
  for (let same = 0, i = 0; same < 2 && i < 100; i++) {
    await page.waitForTimeout(100);
    const now = await page.evaluate(() => scrollY);
    same = now === last ? same + 1 : 0;
    last = now;
  }
}
