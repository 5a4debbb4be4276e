import { revealAndFocus } from '@/components/playground/reveal';

/** The id of a hop's heading in the conversation's transcript (ExchangeStepView: `${idPrefix}-attempt-${n}-heading`). */
export const conversationIdPrefix = (conversation: number) => `conversation-${conversation}`;
export const hopHeadingId = (conversation: number, hop: number) => `${conversationIdPrefix(conversation)}-attempt-${hop + 1}-heading`;

/**
 * Goes to a hop without touching the URL's fragment (a shared report lives there): opens the folded
 * "every request and response" it sits in, scrolls to it and moves focus there.
 */
export function goToHop(id: string): boolean {
  const heading = document.getElementById(id);
  if (!heading) return false;
  const details = heading.closest('details');
  if (details) details.open = true;
  if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  revealAndFocus(heading);
  return true;
}
