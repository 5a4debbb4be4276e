// Issue 16: "each conversation shown once". A lesson opens with its picture, the conversation of one
// sandbox preset drawn as a sequence diagram (frontmatter `picture`). A <TryIt> of that same preset would
// draw it a second time, so it must be `folded`: closed until the reader asks for it, or runs it live.
// The lesson index (lib/content/lessons.ts) fails the build otherwise, naming the file and line.
import type { Widget } from './jsx-props';

/** "file:line: ..." for each <TryIt> that draws the lesson's picture again, open. */
export function pictureShownTwiceProblems(file: string, picture: string, widgets: readonly Widget[]): string[] {
  return widgets
    .filter((widget) => widget.name === 'TryIt')
    .filter((widget) => {
      const { preset, folded } = widget.props;
      const isPicture = preset?.kind === 'static' && preset.value === picture;
      const isFolded = folded?.kind === 'static' && folded.value === true;
      return isPicture && !isFolded;
    })
    .map(
      (widget) =>
        `${file}:${widget.line}: <TryIt preset="${picture}"> draws the conversation the lesson's opening picture already shows; write <TryIt preset="${picture}" folded /> so it is shown once.`,
    );
}
