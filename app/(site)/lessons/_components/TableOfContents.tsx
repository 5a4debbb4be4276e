import type { TocEntry } from '@/lib/content/headings';

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <nav aria-labelledby="toc-heading" className="text-sm" data-print-hidden>
      <h2 id="toc-heading" className="font-semibold tracking-wide text-muted uppercase">
        On this page
      </h2>
      <ol className="mt-3 space-y-1.5 border-l border-line">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? 'pl-7' : 'pl-3'}>
            <a href={`#${entry.id}`} className="block text-muted hover:text-ink hover:underline">
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
