'use client';

import { useSyncExternalStore } from 'react';
import { readerHost } from '@/lib/site/reader-origin';

const noSubscribe = () => () => {};

/**
 * A Host field's value in a transcript (RFC 9110 §7.2): `built` (SITE_URL's host when the page was
 * rendered) in the server's HTML, then the host the page is served from, so the exchange agrees with
 * the commands above it (ReaderOrigin). Exports write the lab's host into data-lab-host.
 */
export function ReaderHost({ built }: { built: string }) {
  const host = useSyncExternalStore(
    noSubscribe,
    () => readerHost(built),
    () => built,
  );
  return <span data-lab-host="">{host}</span>;
}
