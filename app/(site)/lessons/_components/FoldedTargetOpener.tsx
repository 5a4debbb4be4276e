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
      // Scrolled to whoever opened the fold: Chromium opens it itself and scrolls at once, but the hash
      // change also lays out the lesson's deferred sections (lib/site/deferred-sections.ts), which can push
      // the target a screen or more down after that first scroll (a flaky CI run showed 4,000 px).
      if (target && (openFoldsAround(target) || target.closest('details'))) target.scrollIntoView();
    };
    reveal();
    window.addEventListener('hashchange', reveal);
    return () => window.removeEventListener('hashchange', reveal);
  }, []);
  return null;
}
