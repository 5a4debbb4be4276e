'use client';

import { lessonStatus } from '@/lib/site/progress';
import { useProgress } from '@/lib/site/use-progress';

/**
 * A lesson's progress in the list, in words with an icon: "Completed", "2 of 3 quiz questions
 * answered" or "Not started". Read from this browser only; the list itself stays prerendered.
 */
export function LessonProgressStatus({ slug, quizIds }: { slug: string; quizIds: readonly string[] }) {
  const status = lessonStatus(useProgress(), slug, quizIds);
  switch (status.kind) {
    case 'completed':
      return (
        <span className="inline-flex items-center gap-1 font-semibold text-ink">
          <span aria-hidden="true">✓</span> Completed
        </span>
      );
    case 'started':
      return (
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true">◐</span> {status.answered} of {status.total} quiz question{status.total === 1 ? '' : 's'} answered
        </span>
      );
    case 'not-started':
      return (
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true">○</span> {status.total > 0 ? `0 of ${status.total} quiz question${status.total === 1 ? '' : 's'} answered` : 'Not started'}
        </span>
      );
    default: {
      const unknown: never = status;
      throw new Error(`Unknown lesson status ${JSON.stringify(unknown)}`);
    }
  }
}
