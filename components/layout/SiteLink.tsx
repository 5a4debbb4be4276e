'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps, FocusEvent, PointerEvent, TouchEvent } from 'react';

type SiteLinkProps = Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string };

/**
 * The lab's link to one of its own pages: next/link, prefetching the page when the reader shows they
 * may follow the link (the pointer over it, a touch starting on it, keyboard focus) rather than as soon
 * as it scrolls into view. Viewport prefetching fetched every linked page a reader could see (four to
 * six on most pages), spending a phone's data and main thread on pages most readers never open: on the
 * home page it was about half of Lighthouse's mobile blocking time (bench/README.md).
 */
export function SiteLink({ href, onPointerEnter, onTouchStart, onFocus, ...props }: SiteLinkProps) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onPointerEnter={(event: PointerEvent<HTMLAnchorElement>) => {
        prefetch();
        onPointerEnter?.(event);
      }}
      onTouchStart={(event: TouchEvent<HTMLAnchorElement>) => {
        prefetch();
        onTouchStart?.(event);
      }}
      onFocus={(event: FocusEvent<HTMLAnchorElement>) => {
        prefetch();
        onFocus?.(event);
      }}
    />
  );
}
