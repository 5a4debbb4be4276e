import type { Metadata } from 'next';
import { Playground } from '@/components/playground/Playground';
import type { PresetGroup } from '@/components/playground/ScenarioPanel';
import { loadLessons } from '@/lib/content/lessons';
import { decodeState } from '@/lib/playground/url-state';
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

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PlaygroundPage({ searchParams }: { searchParams: SearchParams }) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, item);
  }
  const { state, problems } = decodeState(params.toString());
  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-extrabold tracking-tight">Playground</h1>
      <p className="mt-2 max-w-3xl text-muted">
        Pick a scenario, build a request and send it: you see every challenge, every retry with credentials, and what the
        proxy and the origin decided, hop by hop. The address bar is always a link to exactly this setup.
      </p>
      <div className="mt-8">
        <Playground initialState={state} groups={presetGroups()} linkProblems={problems} />
      </div>
    </div>
  );
}
