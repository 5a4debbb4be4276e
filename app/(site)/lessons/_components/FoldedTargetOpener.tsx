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
 * every hash change, then scrolls to the target once it can be laid out.
 */
export function FoldedTargetOpener() {
  useEffect(() => {
    const reveal = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      if (target && openFoldsAround(target)) target.scrollIntoView();
    };
    reveal();
    window.addEventListener('hashchange', reveal);
    return () => window.removeEventListener('hashchange', reveal);
  }, []);
  return null;
}
