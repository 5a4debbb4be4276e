import { InlineSegments } from '@/components/mdx/InlineSegments';
import { inlineSegments, plainText } from '@/lib/content/widgets/inline-code';

// Tree text follows the widgets' rule: plain text in which `backticks` mark inline code.
export function TroubleshooterText({ text }: { text: string }) {
  return <InlineSegments segments={inlineSegments(text)} />;
}

/** The same text as a reader hears it, for announcements. */
export const spokenTroubleshooterText = (text: string) => plainText(inlineSegments(text));
