import { Fragment } from 'react';
import { originRanges } from '@/lib/site/lab-origin.mjs';
import { ReaderOrigin } from './ReaderOrigin';

/** `text` (a command, a URL) with each whole occurrence of `origin` shown as the origin the reader is on. */
export function OriginText({ text, origin }: { text: string; origin: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const { start, end } of originRanges(text, origin)) {
    parts.push(text.slice(last, start), <ReaderOrigin key={start} built={origin} />);
    last = end;
  }
  parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
