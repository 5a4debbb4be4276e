'use client';

import { useEffect, useRef } from 'react';
import type { TocEntry } from '@/lib/content/headings';

/** The bar's height, for html's scroll-padding-top (app/globals.css): a jump stops below the bar too. */
const BAR_HEIGHT_VARIABLE = '--contents-bar-height';

/**
 * Below xl (no contents column there) a lesson is about 20 000 px tall and its contents list sits at
 * the top only (issue 16), so this bar sticks under the site header with a "Contents" disclosure. A
 * native <details>: Enter or Space opens it and screen readers say expanded or collapsed. Following a
 * link closes it, and so does Esc, which also hands focus back to "Contents". The list opens over the
 * page, so the bar's height (measured into --contents-bar-height) stays the same open or closed.
 */
export function StickyContents({ entries }: { entries: TocEntry[] }) {
  const bar = useRef<HTMLDivElement>(null);
  const disclosure = useRef<HTMLDetailsElement>(null);

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
        <summary className="inline-flex cursor-pointer items-center gap-1 rounded px-2 py-1.5 text-sm font-semibold">Contents</summary>
        <nav
          aria-label="Contents"
          className="absolute inset-x-0 top-full mt-1 max-h-[70vh] overflow-y-auto rounded-lg border border-line bg-canvas p-3 text-sm shadow-lg"
        >
          <ol className="space-y-1">
            {entries.map((entry) => (
              <li key={entry.id} className={entry.depth === 3 ? 'pl-5' : undefined}>
                <a href={`#${entry.id}`} onClick={() => close(false)} className="block rounded px-1 py-1 text-ink hover:underline">
                  {entry.text}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      </details>
    </div>
  );
}
