'use client';

import { useEffect, useState } from 'react';
import { RESIZE_MESSAGE_TYPE, RESIZE_REQUEST_TYPE, type ResizeMessage } from '@/lib/site/embed';
import { applyTheme } from '@/lib/site/theme';

export const EMBED_ROOT_ID = 'embed-root';

/**
 * The live part of every embed page: posts the content's height to the parent page whenever it
 * changes (public/embed.js, or the trainer's own listener, sizes the iframe), opens links outside the
 * frame, and follows the reader's system theme when no `theme` was chosen. Renders only a notice when
 * the `section` asked for does not exist.
 */
export function EmbedFrame() {
  const [missingSection, setMissingSection] = useState<string | undefined>(undefined);

  useEffect(() => {
    const root = document.documentElement;
    const content = document.getElementById(EMBED_ROOT_ID);
    const cleanups: (() => void)[] = [];

    // A section that does not exist would leave an empty frame: show the whole lesson and say so.
    const section = root.dataset.embedSection;
    if (section !== undefined && !document.querySelector(`[data-section="${CSS.escape(section)}"]`)) {
      document.getElementById('embed-section-style')?.remove();
      const timer = setTimeout(() => setMissingSection(section), 0);
      cleanups.push(() => clearTimeout(timer));
    }

    if (content && window.parent !== window) {
      let last = 0;
      const wordpressSecret = /[#&?]secret=([A-Za-z0-9]{1,64})(?:&|$)/.exec(window.location.hash)?.[1];
      const post = () => {
        const height = Math.ceil(content.getBoundingClientRect().height);
        if (height === last) return;
        last = height;
        // Any parent may embed us, so '*': the message carries nothing but the height and which embed this
        // is (origin and path). Never the query or fragment: an embedded playground keeps what the reader
        // typed there (headers, credentials) in its URL, and that is not the embedding page's business.
        const message: ResizeMessage = { type: RESIZE_MESSAGE_TYPE, height, href: `${window.location.origin}${window.location.pathname}` };
        window.parent.postMessage(message, '*');
        // The same height in forms hosts already listen for: Canvas's LTI frame resize, and WordPress's
        // embed protocol (wp-embed.js sizes the iframe whose data-secret matches the #?secret= it added).
        window.parent.postMessage({ subject: 'lti.frameResize', height }, '*');
        if (wordpressSecret !== undefined) window.parent.postMessage({ message: 'height', value: height, secret: wordpressSecret }, '*');
      };
      const observer = new ResizeObserver(post);
      observer.observe(content);
      post();
      cleanups.push(() => observer.disconnect());
      // embed.js asks again when it starts: it may have missed the posts above (it loads async).
      const onRequest = (event: MessageEvent) => {
        if (event.source !== window.parent || (event.data as { type?: unknown } | null)?.type !== RESIZE_REQUEST_TYPE) return;
        last = 0;
        post();
      };
      window.addEventListener('message', onRequest);
      cleanups.push(() => window.removeEventListener('message', onRequest));
    }

    // Links lead to the full lab in a new tab; in-page anchors stay in the frame.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.getAttribute('href')?.startsWith('#') || link.target !== '') return;
      link.target = '_blank';
      link.rel = 'noopener';
    };
    document.addEventListener('click', onClick, true);
    cleanups.push(() => document.removeEventListener('click', onClick, true));

    if (root.dataset.theme === 'system') {
      const media = window.matchMedia('(prefers-color-scheme: dark)');
      const follow = (event: MediaQueryListEvent) => applyTheme(root, 'system', event.matches ? 'dark' : 'light');
      media.addEventListener('change', follow);
      cleanups.push(() => media.removeEventListener('change', follow));
    }
    return () => cleanups.forEach((cleanup) => cleanup());
  }, []);

  return missingSection ? (
    <p role="status" className="mx-4 mt-4 rounded-md border border-line bg-surface p-3 text-sm">
      This lesson has no section “{missingSection}”, so the whole lesson is shown.
    </p>
  ) : null;
}
