import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EmbedFooter } from '@/components/embed/EmbedFooter';
import { PlaygroundFromUrl } from '@/components/playground/PlaygroundFromUrl';
import { presetGroups } from '@/lib/content/preset-groups';
import { oembedDiscovery } from '@/lib/site/oembed';
import { siteUrl } from '@/lib/site/site';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'Build an HTTP request and watch the whole challenge and credential conversation, hop by hop.',
  alternates: { canonical: '/playground', types: oembedDiscovery('/playground', siteUrl()) },
};

/** Any shared playground state (/embed/playground?p=…&h=…), without the site around it. */
export default function EmbeddedPlayground() {
  return (
    <>
      <main className="px-4 pt-4">
        <h1 className="text-2xl font-extrabold tracking-tight">Playground</h1>
        <div className="mt-4">
          <Suspense fallback={<p className="text-muted">Loading the playground… (it needs JavaScript).</p>}>
            {/* The state is written back to this embed's own URL; `theme` belongs to the embed, not the state. */}
            <PlaygroundFromUrl groups={presetGroups()} path="/embed/playground" keep={['theme']} />
          </Suspense>
        </div>
      </main>
      <EmbedFooter href="/playground" label="Open the full playground" />
    </>
  );
}
