import { SiteLink } from '@/components/layout/SiteLink';
import type { Lesson } from '@/lib/content/lessons';

export function LessonPager({ previous, next }: { previous?: Lesson; next?: Lesson }) {
  if (!previous && !next) return null;
  return (
    <nav aria-label="Lesson navigation" data-print-hidden className="mt-16 grid gap-4 border-t border-line pt-8 sm:grid-cols-2">
      {previous ? (
        <SiteLink href={`/lessons/${previous.slug}`} rel="prev" className="rounded-lg border border-line p-4 hover:bg-surface">
          <span className="block text-sm text-muted">Previous lesson</span>
          <span className="font-semibold">{previous.frontmatter.title}</span>
        </SiteLink>
      ) : (
        <span />
      )}
      {next ? (
        <SiteLink href={`/lessons/${next.slug}`} rel="next" className="rounded-lg border border-line p-4 text-right hover:bg-surface">
          <span className="block text-sm text-muted">Next lesson</span>
          <span className="font-semibold">{next.frontmatter.title}</span>
        </SiteLink>
      ) : null}
    </nav>
  );
}
