'use client';

import { lazy, Suspense, useEffect, useState } from 'react';
import { OPEN_EMBED_FRAGMENT, type EmbedTarget } from '@/lib/site/embed';
import type { EmbedSection } from './EmbedDialog';

// The dialog (options, preview, code) is fetched when a trainer first asks for it.
const loadDialog = () => import('./EmbedDialog');
const EmbedDialog = lazy(() => loadDialog().then((module) => ({ default: module.EmbedDialog })));
const prefetchDialog = () => void loadDialog().catch(() => undefined);

/** Section buttons beside a lesson's headings ask the page's one Embed button to open on their section. */
export const EMBED_SECTION_EVENT = 'http-auth-lab:embed-section';

export function EmbedButton({ target, sections }: { target: EmbedTarget; sections?: EmbedSection[] }) {
  const [open, setOpen] = useState<{ section?: string } | undefined>(undefined);

  useEffect(() => {
    const onSection = (event: Event) => {
      const section = event instanceof CustomEvent && typeof event.detail === 'string' ? event.detail : undefined;
      setOpen({ section });
    };
    window.addEventListener(EMBED_SECTION_EVENT, onSection);
    // Arriving on #embed (the page for trainers links so) opens the dialog for the whole page, once: the
    // fragment goes, so a reload or Back after closing does not open it again.
    if (window.location.hash === `#${OPEN_EMBED_FRAGMENT}`) {
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
      window.dispatchEvent(new CustomEvent(EMBED_SECTION_EVENT));
    }
    return () => window.removeEventListener(EMBED_SECTION_EVENT, onSection);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen({})}
        onPointerEnter={prefetchDialog}
        onFocus={prefetchDialog}
        className="inline-flex items-center gap-1.5 rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface"
        data-print-hidden
      >
        <span aria-hidden="true">&lt;/&gt;</span> Embed
      </button>
      {open ? (
        <Suspense fallback={null}>
          <EmbedDialog target={target} sections={sections} initialSection={open.section} onClose={() => setOpen(undefined)} />
        </Suspense>
      ) : null}
    </>
  );
}
