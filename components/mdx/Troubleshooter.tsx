import { TROUBLESHOOTING_TREE } from '@/lib/content/troubleshooting-tree';
import { findPreset } from '@/lib/sandbox/scenario/presets';
import { TroubleshooterView } from './troubleshooter/TroubleshooterView';

/** Preset titles for the causes' "try it" links, looked up here so the client needs no preset data. */
function presetTitles(): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const node of TROUBLESHOOTING_TREE.nodes) {
    if (node.kind !== 'leaf' || node.tryIt.kind !== 'preset') continue;
    const preset = findPreset(node.tryIt.preset);
    if (!preset) throw new Error(`The troubleshooting cause "${node.id}" names no sandbox preset "${node.tryIt.preset}"`);
    titles[preset.id] = preset.title;
  }
  return titles;
}

/**
 * <Troubleshooter />: from the symptoms of a failing request to its cause, its fix and the rule. A server
 * component: the tree is read from content/troubleshooter.yaml here (checked when loaded, so at build
 * time) and handed down as plain data, the only way it reaches the client walk.
 */
export function Troubleshooter() {
  return <TroubleshooterView tree={TROUBLESHOOTING_TREE} presetTitles={presetTitles()} />;
}
