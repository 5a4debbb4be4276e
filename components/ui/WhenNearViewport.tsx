'use client';

import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Renders `placeholder` until the reader scrolls near it (or asks for it with the placeholder's own
 * control), then `children`: a way to keep code that sits below the fold (a React.lazy chunk inside
 * `children`) out of the page's first load. `children` learns whether the reader asked by keyboard
 * or pointer, so it can take focus and the keyboard is not dropped on <body> when the placeholder
 * disappears.
 */
export function WhenNearViewport({
  placeholder,
  children,
  margin = '400px 0px',
}: {
  placeholder: (load: () => void) => ReactNode;
  children: (requested: boolean) => ReactNode;
  margin?: string;
}) {
  const [state, setState] = useState<'waiting' | 'near' | 'requested'>('waiting');
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (state !== 'waiting' || !element) return;
    // Without IntersectionObserver (very old browsers, jsdom) there is nothing to wait for.
    if (typeof IntersectionObserver === 'undefined') {
      const timer = setTimeout(() => setState('near'), 0);
      return () => clearTimeout(timer);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setState((current) => (current === 'waiting' ? 'near' : current));
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [state, margin]);

  return <div ref={ref}>{state === 'waiting' ? placeholder(() => setState('requested')) : children(state === 'requested')}</div>;
}
