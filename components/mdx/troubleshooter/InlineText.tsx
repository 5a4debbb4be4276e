import { InlineText as Segments } from '@/components/mdx/InlineText';
import { inlineSegments, plainText as spoken } from '@/lib/content/widgets/inline-code';

// Tree text follows the widgets' rule: plain text in which `backticks` mark inline code.
export function InlineText({ text }: { text: string }) {
  return <Segments segments={inlineSegments(text)} />;
}

/** The same text as a reader hears it, for announcements. */
export const plainText = (text: string) => spoken(inlineSegments(text));
