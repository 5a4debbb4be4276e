'use client';

import { useEffect, useRef } from 'react';

/** The CSS variable app/globals.css reads for scroll-padding-top and for bars that stick below the header. */
export const HEADER_HEIGHT_VARIABLE = '--site-header-height';

/**
 * Writes the site header's real height into --site-header-height on <html>, and again whenever it
 * changes (it wraps on zoomed text or a narrow screen). A heading reached from the contents then stops
 * below the header however tall it is; the stylesheet's default covers the first paint. Renders an empty
 * marker inside the header to find it.
 */
export function StickyHeaderHeight() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const header = marker.current?.closest('header');
    if (!header) return;
    const root = document.documentElement;
    const write = () => root.style.setProperty(HEADER_HEIGHT_VARIABLE, `${header.getBoundingClientRect().height}px`);
    write();
    const observer = new ResizeObserver(write);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty(HEADER_HEIGHT_VARIABLE);
    };
  }, []);
  return <span ref={marker} hidden />;
}
