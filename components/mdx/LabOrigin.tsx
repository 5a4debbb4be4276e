import { ReaderOrigin } from '@/components/ui/ReaderOrigin';
import { siteUrl } from '@/lib/site/site';

/**
 * <LabOrigin>, written by lib/content/mdx/mark-lab-origin.mjs where a lesson's code names the lab's
 * placeholder origin. Its children are that placeholder, kept for readers of the tree and not rendered:
 * the page shows the configured origin, then the one the reader is on.
 */
export function LabOrigin() {
  return <ReaderOrigin built={siteUrl().origin} />;
}
