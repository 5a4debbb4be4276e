'use client';

import { useSyncExternalStore } from 'react';
import { readerOrigin } from '@/lib/site/reader-origin';

const noSubscribe = () => () => {};

/**
 * An origin inside a command the reader may run: `built` (SITE_URL when the page was rendered) in the
 * server's HTML, so the command is complete without JavaScript; once hydrated, the origin the page is
 * actually served from, which is where the sandbox answers.
 */
export function ReaderOrigin({ built }: { built: string }) {
  const origin = useSyncExternalStore(
    noSubscribe,
    () => readerOrigin(built),
    () => built,
  );
  return <span data-lab-origin="">{origin}</span>;
}
