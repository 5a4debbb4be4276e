import { TranscriptSequenceDiagram } from '@/components/playground/TranscriptSequenceDiagram';
import { presetConversation } from '@/lib/sandbox/exchange/preset-transcript';

/**
 * The picture a lesson opens with (frontmatter `picture`, issue 16): its preset's whole conversation as
 * a sequence diagram, run at build time as <TryIt> runs it. The steps in words, the diagram's text
 * alternative, fold under it so the opening stays short.
 */
export async function LessonPicture({ preset: id }: { preset: string }) {
  const { preset, transcript } = await presetConversation(id, 'auto', `The frontmatter's picture "${id}"`);
  return (
    <figure aria-labelledby="lesson-picture-caption" className="min-w-0 rounded-lg border border-line p-3">
      <figcaption id="lesson-picture-caption" className="mb-2 text-sm font-medium">
        In one picture: {preset.title}
      </figcaption>
      <TranscriptSequenceDiagram transcript={transcript} idPrefix="lesson-picture" label={`The conversation: ${preset.title}`} wordsFolded />
    </figure>
  );
}
