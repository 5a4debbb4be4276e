import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { assertLessonClientResults } from '@/lib/compat/lesson-cells';
import { findLesson, lessonNeighbours, loadLessons } from '@/lib/content/lessons';
import { oembedDiscovery } from '@/lib/site/oembed';
import { siteUrl } from '@/lib/site/site';
import { EmbedButton } from '@/components/embed/EmbedButton';
import { TrainerToggle } from '@/components/embed/TrainerToggle';
import { LessonCompletion } from '@/components/lessons/LessonCompletion';
import { InlineSegments } from '@/components/mdx/InlineSegments';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { inlineSegments } from '@/lib/content/widgets/inline-code';
import { FoldedTargetOpener } from '../_components/FoldedTargetOpener';
import { LessonObjectives } from '../_components/LessonObjectives';
import { LessonPager } from '../_components/LessonPager';
import { LessonPicture } from '../_components/LessonPicture';
import { SandboxPanel } from '@/components/lessons/SandboxPanel';
import { StickyContents } from '../_components/StickyContents';
import { TableOfContents } from '../_components/TableOfContents';

type Params = Promise<{ slug: string }>;

// Every lesson is prerendered; an unknown slug is a 404, never a render on demand.
export const dynamicParams = false;

export function generateStaticParams() {
  return loadLessons().map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const lesson = findLesson((await params).slug);
  if (!lesson) return {};
  const { title, summary } = lesson.frontmatter;
  return {
    title,
    description: summary,
    alternates: { canonical: `/lessons/${lesson.slug}`, types: oembedDiscovery(`/lessons/${lesson.slug}`, siteUrl()) },
    openGraph: { type: 'article', title, description: summary, url: `/lessons/${lesson.slug}` },
  };
}

export default async function LessonPage({ params }: { params: Params }) {
  const { slug } = await params;
  const lesson = findLesson(slug);
  if (!lesson) notFound();
  // A <ClientResult> naming no cell of the matrix fails the build here, with the lesson's line.
  assertLessonClientResults(lesson.file);
  const { default: Content } = await import(`@/content/lessons/${lesson.file}`);
  const { previous, next } = lessonNeighbours(slug);
  const { title, inShort, picture, order, minutes, objectives, statusCodes, presets } = lesson.frontmatter;
  const total = loadLessons().length;

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:py-12">
      {/* Issue 16: the opening is the title, three lines and one picture; the objectives fold. On wide
          screens the picture sits beside the lines, so the lesson itself starts within the first screen. */}
      <header className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)] lg:gap-10 xl:grid-cols-[minmax(0,1fr)_minmax(0,32rem)]">
        <div className="max-w-3xl min-w-0">
          <p className="text-sm font-medium text-muted">
            Lesson {order} of {total} · {minutes} min
          </p>
          <h1 className="mt-2 text-3xl font-extrabold tracking-tight sm:text-4xl">{title}</h1>
          <section aria-labelledby="in-short-heading" className="mt-4">
            <h2 id="in-short-heading" className="sr-only">
              In short
            </h2>
            {/* Plain bullets: a triangle here read as a disclosure, beside the folded objectives below. */}
            <ul className="list-disc space-y-1.5 pl-6 text-lg marker:text-muted">
              {inShort.map((line) => (
                <li key={line}>
                  <InlineSegments segments={inlineSegments(line)} />
                </li>
              ))}
            </ul>
          </section>
          <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
            <ul className="flex flex-wrap gap-2" aria-label="Status codes covered">
              {statusCodes.map((status) => (
                <li key={status}>
                  <StatusBadge status={status} />
                </li>
              ))}
            </ul>
            <div className="flex flex-wrap items-center gap-2">
              <TrainerToggle />
              <EmbedButton
                target={{ kind: 'lesson', slug, title }}
                sections={lesson.toc.filter((entry) => entry.depth === 2).map((entry) => ({ id: entry.id, text: entry.text }))}
              />
            </div>
          </div>
          <LessonObjectives objectives={objectives} />
        </div>
        <LessonPicture preset={picture} />
      </header>
      <FoldedTargetOpener />
      {/* Sticks below the site header for the whole lesson, below xl (where the contents column takes over). */}
      <StickyContents entries={lesson.toc} />
      {/* Split view: contents, lesson, sandbox side by side on wide screens; stacked in reading order on narrow ones. */}
      <div className="mt-10 grid grid-cols-[minmax(0,1fr)] gap-10 lg:grid-cols-[minmax(0,1fr)_20rem] xl:grid-cols-[13rem_minmax(0,1fr)_20rem]">
        <div className="lg:col-span-2 xl:col-span-1">
          <div className="xl:sticky xl:top-24">
            <TableOfContents entries={lesson.toc} />
          </div>
        </div>
        <article className="lesson-prose max-w-3xl min-w-0">
          <Content />
          <LessonCompletion slug={lesson.slug} quizIds={lesson.quizIds} />
          <LessonPager previous={previous} next={next} />
        </article>
        <div className="lg:sticky lg:top-24 lg:self-start">
          <SandboxPanel presets={presets} />
        </div>
      </div>
    </div>
  );
}
