'use client';

import { lessonStatus, markLessonDone } from '@/lib/site/progress';
import { useProgress } from '@/lib/site/use-progress';

/**
 * The end of a lesson: whether it counts as completed, and a button to mark it done (or undo that).
 * Answering every quiz correctly completes it too; the reader's mark is only needed otherwise.
 */
export function LessonCompletion({ slug, quizIds }: { slug: string; quizIds: readonly string[] }) {
  const progress = useProgress();
  const status = lessonStatus(progress, slug, quizIds);
  const marked = progress.lessons[slug] === true;
  let message: string;
  switch (status.kind) {
    case 'completed':
      message = status.by === 'marked' ? 'You marked this lesson as done.' : 'Completed: you answered every quiz question correctly.';
      break;
    case 'started':
      message = `${status.correct} of ${status.total} quiz question${status.total === 1 ? '' : 's'} answered correctly.`;
      break;
    case 'not-started':
      message =
        status.total > 0
          ? `Answer the ${status.total} quiz question${status.total === 1 ? '' : 's'} above, or mark the lesson as done.`
          : 'Mark the lesson as done when you have worked through it.';
      break;
    default: {
      const unknown: never = status;
      throw new Error(`Unknown lesson status ${JSON.stringify(unknown)}`);
    }
  }
  return (
    <section aria-labelledby="lesson-progress-heading" className="not-prose mt-10 rounded-lg border border-line p-4" data-print-hidden>
      <h2 id="lesson-progress-heading" className="font-semibold">
        Your progress
      </h2>
      <p role="status" className="mt-1 flex items-center gap-2 text-sm">
        <span aria-hidden="true">{status.kind === 'completed' ? '✓' : '○'}</span>
        {message}
      </p>
      <p className="mt-1 text-xs text-muted">Kept in this browser only; nothing is sent anywhere.</p>
      {status.kind !== 'completed' || marked ? (
        <button
          type="button"
          onClick={() => markLessonDone(slug, !marked)}
          aria-pressed={marked}
          className="mt-3 rounded-md border border-line px-3 py-1.5 text-sm font-semibold hover:bg-surface aria-pressed:border-accent aria-pressed:bg-surface"
        >
          <span aria-hidden="true">{marked ? '✓ ' : ''}</span>
          Mark lesson as done
        </button>
      ) : null}
    </section>
  );
}
