'use client';

import { useEffect, useState } from 'react';

/** A heading is "being read" once its top has passed this share of the screen from the top. */
const READING_LINE = 0.3;

/** The element a fragment names, when it is one of `ids`. */
function hashTarget(ids: readonly string[]): HTMLElement | undefined {
  const id = decodeURIComponent(window.location.hash.slice(1));
  return ids.includes(id) ? (document.getElementById(id) ?? undefined) : undefined;
}

/**
 * The id of the contents entry being read (issue 16: a phone reader 20 000 px down should know where
 * they are): the last heading whose top is above the reading line. An IntersectionObserver on a band
 * from the top of the screen to that line says when a heading crosses it, scrolling or jumping; only
 * then are the headings measured. Near the end of the page the last short sections can never reach
 * the line, so there a jump's target counts as being read.
 */
export function useCurrentSection(ids: readonly string[]): string | undefined {
  const [current, setCurrent] = useState<string>();
  const key = ids.join(' ');

  useEffect(() => {
    const headings = ids.map((id) => document.getElementById(id)).filter((heading) => heading !== null);
    if (headings.length === 0) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const line = window.innerHeight * READING_LINE;
        let found: string | undefined;
        for (const heading of headings) {
          if (heading.getBoundingClientRect().top > line) break;
          found = heading.id;
        }
        const root = document.documentElement;
        const atEnd = window.scrollY + window.innerHeight >= root.scrollHeight - 2;
        const target = atEnd ? hashTarget(ids) : undefined;
        if (target && target.getBoundingClientRect().top < window.innerHeight) found = target.id;
        setCurrent(found);
      });
    };
    const observer = new IntersectionObserver(update, { rootMargin: `0px 0px -${(1 - READING_LINE) * 100}% 0px` });
    headings.forEach((heading) => observer.observe(heading));
    window.addEventListener('hashchange', update);
    update();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('hashchange', update);
    };
    // `key` stands for `ids`: a new array with the same ids is the same list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return current;
}
