import type { TocEntry } from '@/lib/content/headings';

/**
 * One contents entry. The section being read gets aria-current="location" and a visible mark that is
 * not colour alone: a bold weight and an arrow before it.
 */
export function ContentsLink({ entry, current, onFollow, className = '' }: { entry: TocEntry; current: boolean; onFollow?: () => void; className?: string }) {
  return (
    <a
      href={`#${entry.id}`}
      aria-current={current ? 'location' : undefined}
      onClick={onFollow}
      className={`flex gap-1 rounded px-1 py-1 hover:underline ${current ? 'font-semibold text-ink' : ''} ${className}`.trim()}
    >
      <span aria-hidden="true" className={`w-3 shrink-0 ${current ? '' : 'invisible'}`}>
        ▸
      </span>
      <span>{entry.text}</span>
    </a>
  );
}
