import type { Metadata } from 'next';
import { SiteLink } from '@/components/layout/SiteLink';
import { loadLessons } from '@/lib/content/lessons';
import { LessonProgressStatus } from '@/components/lessons/LessonProgressStatus';
import { StatusBadge } from '@/components/ui/StatusBadge';

export const metadata: Metadata = {
  title: 'Lessons',
  description: 'The HTTP Auth Lab course, in order: from 401 vs 403 vs 407 to Basic, Bearer, Digest and proxies.',
  alternates: { canonical: '/lessons' },
};

export default function LessonsPage() {
  const lessons = loadLessons();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="text-3xl font-extrabold tracking-tight sm:text-4xl">Lessons</h1>
      <p className="mt-4 text-lg text-muted">Work through them in order: each one builds on the one before and ends with a check-yourself question.</p>
      <ol className="mt-10 space-y-5">
        {lessons.map((lesson) => (
          <li key={lesson.slug} className="rounded-lg border border-line p-5 hover:bg-surface">
            <p className="text-sm font-medium text-muted">Lesson {lesson.frontmatter.order}</p>
            <h2 className="mt-1 text-xl font-bold">
              <SiteLink href={`/lessons/${lesson.slug}`} className="underline-offset-4 hover:underline">
                {lesson.frontmatter.title}
              </SiteLink>
            </h2>
            <p className="mt-2">{lesson.frontmatter.summary}</p>
            <div className="mt-3 flex flex-wrap items-center gap-2 text-sm text-muted">
              <span>{lesson.frontmatter.minutes} min</span>
              <span aria-hidden="true">·</span>
              <LessonProgressStatus slug={lesson.slug} quizIds={lesson.quizIds} />
              <span aria-hidden="true">·</span>
              <span className="sr-only">Status codes covered:</span>
              <ul className="flex flex-wrap gap-2" aria-label="Status codes covered">
                {lesson.frontmatter.statusCodes.map((status) => (
                  <li key={status}>
                    <StatusBadge status={status} />
                  </li>
                ))}
              </ul>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
