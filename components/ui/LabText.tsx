import { Fragment } from 'react';
import { hostFieldRanges, LAB_PLACEHOLDER_ORIGIN, originRanges } from '@/lib/site/lab-origin.mjs';
import { siteUrl } from '@/lib/site/site';
import { ReaderHost, ReaderOrigin } from './ReaderOrigin';

/**
 * A line a lesson wrote with the lab's placeholder address (an exchange's transcript): each whole
 * http://localhost:3000 shown as the origin the reader is on, each Host field's localhost:3000 as its
 * host, as lib/content/mdx/mark-lab-origin.mjs does for code blocks.
 */
export function LabText({ text }: { text: string }) {
  const site = siteUrl();
  const marks = [
    ...originRanges(text, LAB_PLACEHOLDER_ORIGIN).map((range) => ({ ...range, node: <ReaderOrigin key={range.start} built={site.origin} /> })),
    ...hostFieldRanges(text).map((range) => ({ ...range, node: <ReaderHost key={range.start} built={site.host} /> })),
  ].sort((a, b) => a.start - b.start);
  if (marks.length === 0) return text;
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const { start, end, node } of marks) {
    parts.push(text.slice(last, start), node);
    last = end;
  }
  parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
