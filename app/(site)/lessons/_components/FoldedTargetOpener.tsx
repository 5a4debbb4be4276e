'use client';

import { useEffect } from 'react';

/** Opens every closed <details> around `target`, so it can be seen and scrolled to. */
export function openFoldsAround(target: Element): boolean {
  let opened = false;
  for (let fold = target.closest('details'); fold; fold = fold.parentElement?.closest('details') ?? null) {
    if (!fold.open) {
      fold.open = true;
      opened = true;
    }
  }
  return opened;
}

/**
 * A link to something inside a closed <InDepth> (or any folded <details>) opens it (issue 16).
 * Chromium opens <details> for a fragment on its own; this does it in every engine, on load and on
 * every hash change, then scrolls to the target once it can be laid out, also when the browser opened the fold.
 */
export function FoldedTargetOpener() {
  useEffect(() => {
    const reveal = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      // Scrolled to whoever opened the fold: Chromium opens it itself and scrolls at once. A flaky CI run
      // found the target 4,000 px below the screen after that; the likely cause (not reproduced) is the
      // hash change laying out the lesson's deferred sections (lib/site/deferred-sections.ts) afterwards.
      if (target && (openFoldsAround(target) || target.closest('details'))) target.scrollIntoView();
    };
    reveal();
    window.addEventListener('hashchange', reveal);
    return () => window.removeEventListener('hashchange', reveal);
  }, []);
  return null;
}
