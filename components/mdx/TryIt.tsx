import { SiteLink } from '@/components/layout/SiteLink';
import { LiveRun } from '@/components/playground/LiveRun';
import { TranscriptPanel } from '@/components/playground/TranscriptPanel';
import { presetConversation } from '@/lib/sandbox/exchange/preset-transcript';

/**
 * <TryIt preset="..."/>: a compact playground on a preset, rendered first on the server. `folded`: the
 * lesson already draws this conversation (its opening picture is this preset), so the server-rendered
 * transcript sits behind a toggle; a live run still shows in full (issue 16, each conversation once).
 */
export async function TryIt({
  preset: id,
  mode = 'auto',
  headingLevel = 3,
  folded = false,
}: {
  preset: string;
  mode?: 'auto' | 'manual';
  headingLevel?: 2 | 3;
  folded?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { preset, input, transcript } = await presetConversation(id, mode, `<TryIt preset="${id}">`);
  const headingId = `tryit-${id}`;
  return (
    <section aria-labelledby={headingId} data-embed-part="sandbox" className="not-prose my-6 rounded-lg border border-line bg-surface p-4">
      <p className="text-xs font-semibold tracking-wide text-muted uppercase">Try it</p>
      <Heading id={headingId} className="mt-1 text-base font-bold">
        {preset.title}
      </Heading>
      <p className="mt-1 text-sm">{preset.summary}</p>
      <div className="mt-3">
        <LiveRun input={input} idPrefix={`tryit-${id}`} label={preset.title}>
          {folded ? (
            <details data-export-open className="rounded-md border border-line p-3">
              <summary className="cursor-pointer text-sm font-semibold">The conversation, as drawn at the top of the lesson</summary>
              <div className="mt-3">
                <TranscriptPanel transcript={transcript} idPrefix={`tryit-${id}`} label={preset.title} />
              </div>
            </details>
          ) : (
            <TranscriptPanel transcript={transcript} idPrefix={`tryit-${id}`} label={preset.title} />
          )}
        </LiveRun>
      </div>
      <p className="mt-3 text-sm" data-print-hidden>
        <SiteLink href={`/playground?p=${encodeURIComponent(id)}`} className="font-medium text-accent underline underline-offset-4">
          Open “{preset.title}” in the playground
        </SiteLink>
      </p>
    </section>
  );
}
