'use client';

import { useEffect, useRef } from 'react';
import type { TocEntry } from '@/lib/content/headings';
import { ContentsLink } from './ContentsLink';
import { useCurrentSection } from './use-current-section';

/** The bar's height, for html's scroll-padding-top (app/globals.css): a jump stops below the bar too. */
const BAR_HEIGHT_VARIABLE = '--contents-bar-height';

/**
 * Below xl (no contents column there) a lesson is about 20 000 px tall and its contents list sits at
 * the top only (issue 16), so this bar sticks under the site header with a "Contents" disclosure. A
 * native <details>: Enter or Space opens it and screen readers say expanded or collapsed. Following a
 * link closes it, and so does Esc, which also hands focus back to "Contents". The list opens over the
 * page, so the bar's height (measured into --contents-bar-height) stays the same open or closed.
 * Its summary names the section being read ("Contents · 403: …"), so a phone reader knows where
 * they are without opening it, and the list marks that section.
 */
export function StickyContents({ entries }: { entries: TocEntry[] }) {
  const bar = useRef<HTMLDivElement>(null);
  const disclosure = useRef<HTMLDetailsElement>(null);
  const currentId = useCurrentSection(entries.map((entry) => entry.id));
  const current = entries.find((entry) => entry.id === currentId);

  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    // 0 at xl and wider, where the bar is display: none.
    const write = () => root.style.setProperty(BAR_HEIGHT_VARIABLE, `${element.getBoundingClientRect().height}px`);
    write();
    const observer = new ResizeObserver(write);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(BAR_HEIGHT_VARIABLE);
    };
  }, []);

  if (entries.length === 0) return null;

  function close(returnFocus: boolean) {
    const details = disclosure.current;
    if (!details?.open) return;
    details.open = false;
    if (returnFocus) details.querySelector('summary')?.focus();
  }

  return (
    <div
      ref={bar}
      data-print-hidden
      className="sticky top-[var(--site-header-height)] z-30 -mx-4 border-b border-line bg-canvas/95 px-4 py-1 backdrop-blur sm:-mx-6 sm:px-6 xl:hidden"
    >
      <details ref={disclosure} className="relative" onKeyDown={(event) => event.key === 'Escape' && close(true)}>
        <summary className="flex max-w-full min-w-0 cursor-pointer items-center gap-1 rounded px-2 py-1.5 text-sm font-semibold">
          <span className="shrink-0">Contents</span>
          {current ? <span className="min-w-0 truncate font-normal">· {current.text}</span> : null}
        </summary>
        <nav
          aria-label="Contents"
          className="absolute inset-x-0 top-full mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-line bg-canvas p-3 text-sm shadow-lg"
        >
          <ol className="space-y-0.5">
            {entries.map((entry) => (
              <li key={entry.id} className={entry.depth === 3 ? 'pl-5' : undefined}>
                <ContentsLink entry={entry} current={entry.id === currentId} onFollow={() => close(false)} className="text-ink" />
              </li>
            ))}
          </ol>
        </nav>
      </details>
    </div>
  );
}
