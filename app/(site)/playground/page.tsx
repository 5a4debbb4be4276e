import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ExplainResponseOnDemand } from '@/components/playground/ExplainResponseOnDemand';
import { PlaygroundFromUrl } from '@/components/playground/PlaygroundFromUrl';
import type { PresetGroup } from '@/components/playground/ScenarioPanel';
import { loadLessons } from '@/lib/content/lessons';
import { PRESETS } from '@/lib/sandbox/presets';

export const metadata: Metadata = {
  title: 'Playground',
  description: 'Build an HTTP request and watch the whole challenge and credential conversation, hop by hop: client, proxy and origin.',
  alternates: { canonical: '/playground' },
};

/** Presets grouped by the lesson that first uses them; the rest under "More scenarios". */
function presetGroups(): PresetGroup[] {
  const seen = new Set<string>();
  const summary = (id: string) => {
    const preset = PRESETS.find((p) => p.id === id);
    return preset ? [{ id: preset.id, title: preset.title, summary: preset.summary }] : [];
  };
  const groups = loadLessons().map((lesson) => {
    const ids = lesson.frontmatter.presets.filter((id) => !seen.has(id));
    ids.forEach((id) => seen.add(id));
    return { label: `Lesson ${lesson.frontmatter.order}: ${lesson.frontmatter.title}`, presets: ids.flatMap(summary) };
  });
  const rest = PRESETS.filter((preset) => !seen.has(preset.id)).map((preset) => ({ id: preset.id, title: preset.title, summary: preset.summary }));
  return [...groups.filter((group) => group.presets.length > 0), { label: 'More scenarios', presets: rest }];
}

export default function PlaygroundPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight">Playground</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Pick a scenario, build a request and send it: you see every challenge, every retry with credentials, and what the
        proxy and the origin decided, hop by hop. The address bar is always a link to exactly this setup.
      </p>
      <div className="mt-8">
        {/* The share link's state is read in the browser, so the page can be static. */}
        <Suspense fallback={<p className="text-muted">Loading the playground… (it needs JavaScript).</p>}>
          <PlaygroundFromUrl groups={presetGroups()} />
        </Suspense>
      </div>
      <section aria-labelledby="explain-heading" className="mt-12 border-t border-line pt-8">
        <h2 id="explain-heading" className="text-2xl font-bold">
          Explain this response
        </h2>
        <p className="mt-2 max-w-3xl text-muted">
          Paste the headers or raw HTTP a real server sent you (curl -v output works too). The lab points at what is wrong or
          unusual, character by character, and says what a client will do next.
        </p>
        <div className="mt-4">
          <ExplainResponseOnDemand />
        </div>
      </section>
    </div>
  );
}
