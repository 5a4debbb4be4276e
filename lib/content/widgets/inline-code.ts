// Widget text props (quiz questions, options, explanations) are plain text in which `backticks` mark
// inline code, as in Markdown. Only that one rule: no other Markdown is read.

export type InlineSegment = { kind: 'text'; text: string } | { kind: 'code'; text: string };

/** Splits at backticks; throws on an unclosed or empty code span so the build names the text. */
export function inlineSegments(text: string): InlineSegment[] {
  const pieces = text.split('`');
  if (pieces.length % 2 === 0) throw new Error(`an unclosed \` in ${JSON.stringify(text)}`);
  const segments: InlineSegment[] = [];
  pieces.forEach((piece, i) => {
    const code = i % 2 === 1;
    if (code && piece === '') throw new Error(`an empty \`\` code span in ${JSON.stringify(text)}`);
    if (piece !== '') segments.push(code ? { kind: 'code', text: piece } : { kind: 'text', text: piece });
  });
  return segments;
}

/** The text as a reader hears it (backticks dropped), e.g. for an accessible name. */
export const plainText = (segments: readonly InlineSegment[]): string => segments.map((s) => s.text).join('');
