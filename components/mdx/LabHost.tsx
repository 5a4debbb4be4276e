import { ReaderHost } from '@/components/ui/ReaderOrigin';
import { siteUrl } from '@/lib/site/site';

/**
 * <LabHost>, written by lib/content/mdx/mark-lab-origin.mjs where a lesson's code has the lab's
 * placeholder host as a Host field's value. Its children are the placeholder, not rendered.
 */
export function LabHost() {
  return <ReaderHost built={siteUrl().host} />;
}
