import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { findLesson, lessonNeighbours, loadLessons } from '@/lib/content/lessons';
import { oembedDiscovery } from '@/lib/site/oembed';
import { siteUrl } from '@/lib/site/site';
import { EmbedButton } from '@/components/embed/EmbedButton';
import { LessonCompletion } from '@/components/lessons/LessonCompletion';
import { StatusBadge } from '@/components/ui/StatusBadge';
import { LessonPager } from '../_components/LessonPager';
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
  const { default: Content } = await import(`@/content/lessons/${lesson.file}`);
  const { previous, next } = lessonNeighbours(slug);
  const { title, summary, order, minutes, objectives, statusCodes, presets } = lesson.frontmatter;
  const total = loadLessons().length;

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:py-12">
      <header className="max-w-3xl">
        <p className="text-sm font-medium text-muted">
          Lesson {order} of {total} · {minutes} min
        </p>
        <h1 className="mt-2 text-3xl font-extrabold tracking-tight sm:text-4xl">{title}</h1>
        <p className="mt-3 text-lg text-muted">{summary}</p>
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <ul className="flex flex-wrap gap-2" aria-label="Status codes covered">
            {statusCodes.map((status) => (
              <li key={status}>
                <StatusBadge status={status} />
              </li>
            ))}
          </ul>
          <EmbedButton
            target={{ kind: 'lesson', slug, title }}
            sections={lesson.toc.filter((entry) => entry.depth === 2).map((entry) => ({ id: entry.id, text: entry.text }))}
          />
        </div>
        <section aria-labelledby="objectives-heading" className="mt-6 rounded-lg border border-line p-4">
          <h2 id="objectives-heading" className="font-semibold">
            You will learn to
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
      </header>
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
