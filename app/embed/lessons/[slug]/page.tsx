import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedFooter } from '@/components/embed/EmbedFooter';
import { EmbedLink } from '@/components/embed/EmbedLink';
import { EmbeddedClientResult } from '@/components/mdx/ClientResult';
import { SandboxHiddenNote } from '@/components/embed/SandboxHiddenNote';
import { assertLessonClientResults } from '@/lib/compat/lesson-cells';
import { findLesson, loadLessons } from '@/lib/content/lessons';
import { oembedDiscovery } from '@/lib/site/oembed';
import { siteUrl } from '@/lib/site/site';
import { SandboxPanel } from '@/components/lessons/SandboxPanel';

type Params = Promise<{ slug: string }>;

// Static like the lesson itself; `theme`, `section`, `sandbox=hide` and `quiz=hide` are applied in the
// browser before the first paint (lib/site/theme.ts), so one prerendered page serves every option.
export const dynamicParams = false;

export function generateStaticParams() {
  return loadLessons().map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const lesson = findLesson((await params).slug);
  if (!lesson) return {};
  return {
    title: lesson.frontmatter.title,
    description: lesson.frontmatter.summary,
    alternates: { canonical: `/lessons/${lesson.slug}`, types: oembedDiscovery(`/lessons/${lesson.slug}`, siteUrl()) },
  };
}

export default async function EmbeddedLesson({ params }: { params: Params }) {
  const { slug } = await params;
  const lesson = findLesson(slug);
  if (!lesson) notFound();
  // A <ClientResult> naming no cell of the matrix fails the build here, with the lesson's line.
  assertLessonClientResults(lesson.file);
  const { default: Content } = await import(`@/content/lessons/${lesson.file}`);
  const { title, order, minutes, presets } = lesson.frontmatter;
  return (
    <>
      <main className="px-4 pt-4">
        <p className="text-sm font-medium text-muted">
          Lesson {order} · {minutes} min
        </p>
        <h1 className="mt-1 text-2xl font-extrabold tracking-tight">{title}</h1>
        <SandboxHiddenNote href={`/lessons/${lesson.slug}`} />
        <article className="lesson-prose mt-4 min-w-0">
          <Content components={{ a: EmbedLink, h2: 'h2', ClientResult: EmbeddedClientResult }} />
        </article>
        <div className="mt-8" data-embed-part="sandbox">
          <SandboxPanel presets={presets} />
        </div>
      </main>
      <EmbedFooter href={`/lessons/${lesson.slug}`} label={`Open “${title}” in the lab`} />
    </>
  );
}
