import { TROUBLESHOOTING_TREE } from '@/lib/content/troubleshooting-tree';
import { TroubleshooterOutline } from './TroubleshooterOutline';
import { TroubleshooterWalk } from './TroubleshooterWalk';

/** The walk (interactive) above the outline (static); preset titles come from the caller. */
export function TroubleshooterView({ presetTitles }: { presetTitles: Readonly<Record<string, string>> }) {
  return (
    <section aria-label="Troubleshooter" className="not-prose my-6">
      <TroubleshooterWalk tree={TROUBLESHOOTING_TREE} presetTitles={presetTitles} />
      <noscript>
        <p className="mt-2 text-sm">The step-by-step version needs JavaScript. Every question and cause is in the list below.</p>
      </noscript>
      <TroubleshooterOutline tree={TROUBLESHOOTING_TREE} presetTitles={presetTitles} />
    </section>
  );
}
