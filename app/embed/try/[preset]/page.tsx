import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EmbedFooter } from '@/components/embed/EmbedFooter';
import { TryIt } from '@/components/mdx/TryIt';
import { allPresets, findPreset } from '@/lib/sandbox/scenario/presets';
import { oembedDiscovery } from '@/lib/site/oembed';
import { siteUrl } from '@/lib/site/site';

type Params = Promise<{ preset: string }>;

export const dynamicParams = false;

export function generateStaticParams() {
  return allPresets().map((preset) => ({ preset: preset.id }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const preset = findPreset((await params).preset);
  if (!preset) return {};
  return {
    title: `Try it: ${preset.title}`,
    description: preset.summary,
    alternates: { canonical: `/playground?p=${preset.id}`, types: oembedDiscovery(`/embed/try/${preset.id}`, siteUrl()) },
  };
}

/** One <TryIt> widget on its own: the expected exchange rendered here, runnable live in the frame. */
export default async function EmbeddedTry({ params }: { params: Params }) {
  const preset = findPreset((await params).preset);
  if (!preset) notFound();
  return (
    <>
      <main className="px-4 pt-2">
        <h1 className="sr-only">Try it: {preset.title}</h1>
        <TryIt preset={preset.id} headingLevel={2} />
      </main>
      <EmbedFooter href={`/playground?p=${encodeURIComponent(preset.id)}`} label={`Open “${preset.title}” in the playground`} />
    </>
  );
}
