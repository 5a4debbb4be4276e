import { loadLessons, type Lesson } from '@/lib/content/lessons';
import { handoutDownloadHref, handoutLesson } from '@/lib/export/handout-file';
import type { HandoutEdition } from '@/lib/export/handout-editions';
import { DownloadTable } from './DownloadTable';

/** The three editions, as the table's columns head them and as a link's accessible name says them. */
const EDITIONS: readonly { edition: HandoutEdition; header: string; spoken: string }[] = [
  { edition: 'full', header: 'Handout', spoken: 'handout' },
  { edition: 'short', header: 'Short', spoken: 'short handout' },
  { edition: 'trainer', header: 'Trainer edition', spoken: 'trainer edition, with answers' },
];

/**
 * Every lesson's PDF handouts, downloaded from this site (issue 17): it prints them when asked
 * (app/trainers/downloads/pdf/[file]/route.ts), naming the lab address the trainer reached it at. A
 * link says its lesson and edition to a screen reader, which reads a link without its row.
 */
export function HandoutDownloads({ lessons = loadLessons() }: { lessons?: readonly Lesson[] }) {
  return (
    <div className="space-y-3">
      <p>
        Each lesson as a full handout, a short one (the opening, the summary and the quiz questions) and a trainer edition with every quiz answered. This site
        prints them with Chromium when you ask, with commands and links naming this lab, so a first download takes a few seconds.
      </p>
      <DownloadTable
        caption="PDF handouts per lesson"
        columns={EDITIONS.map(({ edition, header }) => ({ key: edition, header }))}
        rows={lessons.map(handoutLesson).map((lesson) => ({
          key: lesson.slug,
          title: lesson.title,
          cells: EDITIONS.map(({ edition, spoken }) => ({
            key: edition,
            href: handoutDownloadHref(lesson.base, edition),
            shown: 'PDF',
            spoken: `Download ${lesson.title}: ${spoken} (PDF)`,
          })),
        }))}
      />
    </div>
  );
}
