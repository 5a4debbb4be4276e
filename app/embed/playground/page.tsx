import type { Metadata } from 'next';
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
          <noscript>
            <p className="mb-4 rounded-md border border-line bg-surface p-3">
              The playground needs JavaScript to send requests; the sandbox itself works with any client (see the API page).
            </p>
          </noscript>
          {/* The state is written back to this embed's own URL; `theme` belongs to the embed, not the state. */}
          <PlaygroundFromUrl groups={presetGroups()} path="/embed/playground" keep={['theme']} />
        </div>
      </main>
      <EmbedFooter href="/playground" label="Open the full playground" />
    </>
  );
}
