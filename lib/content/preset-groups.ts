import { loadLessons } from './lessons';
import { allPresets } from '@/lib/sandbox/scenario/presets';
import { OAUTH_PRESETS } from '@/lib/playground/oauth-preset';

// The playground's preset picker, for the full page and the embed alike.

export type PresetGroup = { label: string; presets: { id: string; title: string; summary: string }[] };

/** Presets grouped by the lesson that first uses them; the rest under "More scenarios"; last, the OAuth chains (not scenarios: a client's walk). */
export function presetGroups(): PresetGroup[] {
  const seen = new Set<string>();
  const summary = (id: string) => {
    const preset = allPresets().find((p) => p.id === id);
    return preset ? [{ id: preset.id, title: preset.title, summary: preset.summary }] : [];
  };
  const groups = loadLessons().map((lesson) => {
    const ids = lesson.frontmatter.presets.filter((id) => !seen.has(id));
    ids.forEach((id) => seen.add(id));
    return { label: `Lesson ${lesson.frontmatter.order}: ${lesson.frontmatter.title}`, presets: ids.flatMap(summary) };
  });
  const rest = allPresets().filter((preset) => !seen.has(preset.id)).map((preset) => ({ id: preset.id, title: preset.title, summary: preset.summary }));
  const oauth = { label: 'OAuth: where a token comes from', presets: OAUTH_PRESETS.map(({ id, title, summary }) => ({ id, title, summary })) };
  return [...groups.filter((group) => group.presets.length > 0), { label: 'More scenarios', presets: rest }, oauth];
}

