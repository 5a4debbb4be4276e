// Scrolling in a lesson, for the tests that jump around one (in Chromium through playwright-core, in
// Firefox through puppeteer-core): the section to jump to, a wait for the page to come to rest, and where
// a heading landed against the sticky header.
import { setTimeout as sleep } from 'node:timers/promises';
import { firstLesson } from './site';

/** The first lesson's last ## section: the farthest jump its contents offer. */
export function lastSection() {
  const target = firstLesson()
    .toc.filter((entry) => entry.depth === 2)
    .at(-1);
  if (!target) throw new Error('the first lesson has no sections');
  return target;
}

/** What both drivers' pages share: running a function without arguments in the page. */
type ScrollablePage = { evaluate: (pageFunction: () => number) => Promise<number> };

/**
 * Resolves once the page has stopped scrolling: the same scrollY on three reads in a row, 100 ms apart
 * (or after 10 s). The site scrolls smoothly (scroll-behavior: smooth), so every jump, restored place and
 * scroll to the top is an animation that takes longer on a busy machine: a wait on the page, not a guess
 * at how long.
 */
export async function scrollAtRest(page: ScrollablePage): Promise<void> {
  let last = await page.evaluate(() => scrollY);
  for (let same = 0, i = 0; same < 2 && i < 100; i++) {
    await sleep(100);
    const now = await page.evaluate(() => scrollY);
    same = now === last ? same + 1 : 0;
    last = now;
  }
}

export type HeadingPlace = { top: number; bottom: number; stuckBottom: number; viewport: number };

const landed = (place: HeadingPlace) => place.top >= place.stuckBottom && place.bottom <= place.viewport;

/**
 * Where a jump to a heading landed: read (with `headingPlace`) every 100 ms until the heading is on screen
 * below what is stuck to the top and has not moved since the read before, or for 10 s, then returned for
 * the caller's expectations (which say what went wrong if it never landed). A wait on the heading, not on
 * the scroll: under load the smooth scroll can begin after the URL has changed, and sections are laid out
 * as they come near (content-visibility), so the page can look still before it has moved at all.
 */
export async function landedPlace(read: () => Promise<HeadingPlace>): Promise<HeadingPlace> {
  let place = await read();
  for (let i = 0; i < 100; i++) {
    await sleep(100);
    const now = await read();
    if (landed(now) && now.top === place.top) return now;
    place = now;
  }
  return place;
}

/**
 * Runs in the page (serialized by the driver, so it must not close over anything): the heading's box
 * against the bottom of everything stuck to the top of the screen. A jump landed well when
 * top >= stuckBottom and bottom <= viewport.
 */
export function headingPlace(headingId: string): HeadingPlace {
  const heading = document.getElementById(headingId)?.getBoundingClientRect();
  // Whatever is stuck to the top: the site header, and the contents bar once it has stuck.
  const stuckBottom = Math.max(
    ...[...document.querySelectorAll('body *')]
      .filter((element) => getComputedStyle(element).position === 'sticky')
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.height > 0 && box.top <= 1 + (document.querySelector('[data-site-header]')?.getBoundingClientRect().bottom ?? 0))
      .map((box) => box.bottom),
  );
  return { top: heading?.top ?? Number.NaN, bottom: heading?.bottom ?? Number.NaN, stuckBottom, viewport: window.innerHeight };
}
