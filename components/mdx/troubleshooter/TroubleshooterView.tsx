import type { TroubleTree } from '@/lib/content/troubleshooting-types';
import { TroubleshooterOutline } from './TroubleshooterOutline';
import { TroubleshooterWalk } from './TroubleshooterWalk';

/** The walk (interactive) above the outline (static); the tree and the preset titles come from the caller. */
export function TroubleshooterView({ tree, presetTitles }: { tree: TroubleTree; presetTitles: Readonly<Record<string, string>> }) {
  return (
    <section aria-label="Troubleshooter" className="not-prose my-6">
      <TroubleshooterWalk tree={tree} presetTitles={presetTitles} />
      <noscript data-export-drop>
        <p className="mt-2 text-sm">The step-by-step version needs JavaScript. Every question and cause is in the list below.</p>
      </noscript>
      <TroubleshooterOutline tree={tree} presetTitles={presetTitles} />
    </section>
  );
}
