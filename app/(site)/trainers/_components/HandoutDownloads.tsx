import { loadLessons, type Lesson } from '@/lib/content/lessons';
import { handoutDownloadHref, handoutLesson } from '@/lib/export/handout-file';
import type { HandoutEdition } from '@/lib/export/handout-editions';

/** The three editions, as the table's columns head them and as a link's accessible name says them. */
const EDITIONS: readonly { edition: HandoutEdition; header: string; spoken: string }[] = [
  { edition: 'full', header: 'Handout', spoken: 'handout' },
  { edition: 'short', header: 'Short', spoken: 'short handout' },
  { edition: 'trainer', header: 'Trainer edition', spoken: 'trainer edition, with answers' },
];

const link = 'text-accent underline underline-offset-4';

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
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left font-semibold">PDF handouts per lesson</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-1.5 pr-3 font-semibold">
              Lesson
            </th>
            {EDITIONS.map(({ edition, header }) => (
              <th key={edition} scope="col" className="py-1.5 pr-3 font-semibold">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lessons.map(handoutLesson).map((lesson) => (
            <tr key={lesson.slug} className="border-b border-line align-top last:border-0">
              <th scope="row" className="py-1.5 pr-3 font-normal">
                {lesson.title}
              </th>
              {EDITIONS.map(({ edition, spoken }) => (
                <td key={edition} className="py-1.5 pr-3">
                  {/* Shown as "PDF" (the column says which edition: four columns must fit a phone), read as
                      "Download <lesson>: <edition> (PDF)". */}
                  <a href={handoutDownloadHref(lesson.base, edition)} download className={link}>
                    <span aria-hidden="true">PDF</span>
                    <span className="sr-only">
                      Download {lesson.title}: {spoken} (PDF)
                    </span>
                  </a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
