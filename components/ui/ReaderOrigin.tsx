'use client';

import { useSyncExternalStore } from 'react';
import { readerHost, readerOrigin } from '@/lib/site/reader-origin';

const noSubscribe = () => () => {};

/** `built` in the server's HTML (complete without JavaScript); once hydrated, what `read` finds in the page's location. */
function useReaderAddress(read: (fallback: string) => string, built: string): string {
  return useSyncExternalStore(
    noSubscribe,
    () => read(built),
    () => built,
  );
}

/**
 * An origin inside a command the reader may run: `built` (SITE_URL when the page was rendered) in the
 * server's HTML, so the command is complete without JavaScript; once hydrated, the origin the page is
 * actually served from, which is where the sandbox answers.
 */
export function ReaderOrigin({ built }: { built: string }) {
  return <span data-lab-origin="">{useReaderAddress(readerOrigin, built)}</span>;
}

/**
 * A Host field's value in a transcript (RFC 9110 §7.2), the same way: SITE_URL's host, then the host the
 * page is served from, so the exchange agrees with the commands above it. Exports write the lab's host
 * into data-lab-host.
 */
export function ReaderHost({ built }: { built: string }) {
  return <span data-lab-host="">{useReaderAddress(readerHost, built)}</span>;
}
