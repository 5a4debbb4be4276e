'use client';

import type { TocEntry } from '@/lib/content/headings';
import { ContentsLink } from './ContentsLink';
import { useCurrentSection } from './use-current-section';

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  const current = useCurrentSection(entries.map((entry) => entry.id));
  if (entries.length === 0) return null;
  return (
    <nav aria-labelledby="toc-heading" className="text-sm" data-print-hidden>
      <h2 id="toc-heading" className="font-semibold tracking-wide text-muted uppercase">
        On this page
      </h2>
      <ol className="mt-3 space-y-0.5 border-l border-line">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? 'pl-5' : 'pl-1'}>
            <ContentsLink entry={entry} current={entry.id === current} className={entry.id === current ? '' : 'text-muted hover:text-ink'} />
          </li>
        ))}
      </ol>
    </nav>
  );
}
