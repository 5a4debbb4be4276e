import type { Metadata } from 'next';
import { EmbedButton } from '@/components/embed/EmbedButton';
import { SiteLink } from '@/components/layout/SiteLink';
import { DpopSection } from '@/components/playground/dpop/DpopSection';
import { PlaygroundFromUrl } from '@/components/playground/PlaygroundFromUrl';
import { presetGroups } from '@/lib/content/preset-groups';
import { oembedDiscovery } from '@/lib/site/oembed';
import { siteUrl } from '@/lib/site/site';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'Build an HTTP request and watch the whole challenge and credential conversation, hop by hop: client, proxy and origin.',
  alternates: { canonical: '/playground', types: oembedDiscovery('/playground', siteUrl()) },
};

export default function PlaygroundPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-extrabold tracking-tight">Playground</h1>
        <EmbedButton target={{ kind: 'playground', state: '', title: 'Playground' }} />
      </div>
      <p className="mt-2 max-w-3xl text-muted">
        Pick a scenario, build a request and send it: you see every challenge, every retry with credentials, and what the proxy and the origin decided, hop by
        hop. The address bar is always a link to exactly this setup.
      </p>
      <div className="mt-8">
        {/* The share link's state is read in the browser, so the page can be static. */}
        <noscript>
          <p className="mb-4 rounded-md border border-line bg-surface p-3">
            The playground needs JavaScript to send requests; the sandbox itself works with any client (see the API page).
          </p>
        </noscript>
        <PlaygroundFromUrl groups={presetGroups()} />
      </div>
      <DpopSection />
      <section aria-labelledby="explain-heading" className="mt-12 border-t border-line pt-8">
        <h2 id="explain-heading" className="text-2xl font-bold">
          Explain a response you got
        </h2>
        <p className="mt-2 max-w-3xl text-muted">
          To read a response a real server sent you (headers, curl -v output or a single header line), paste it into the{' '}
          <SiteLink href="/troubleshoot#explain" className="text-accent underline underline-offset-4">
            Explain tool on the troubleshooting page
          </SiteLink>
          : it points at what is wrong, character by character, and says what a client does next. For a whole recorded session, drop its HAR on{' '}
          <SiteLink href="/troubleshoot/traffic" className="text-accent underline underline-offset-4">
            Troubleshoot your own traffic
          </SiteLink>
          : it draws each of its authentication conversations as this playground does.
        </p>
      </section>
    </div>
  );
}
