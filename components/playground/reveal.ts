/**
 * Moves focus to `element` (a heading with tabIndex -1) and, when it is out of view, scrolls it to the
 * top of the screen, below the sticky header (html's scroll-padding-top). On a phone the result of a
 * send starts far below the Send button (issue 16): the reader, and a screen reader's focus, go there.
 * The scroll is smooth only when the reader has not asked for reduced motion: scrollIntoView's default
 * behaviour follows html's scroll-behavior, which app/globals.css sets under prefers-reduced-motion.
 */
export function revealAndFocus(element: HTMLElement | null) {
  if (!element) return;
  element.focus({ preventScroll: true });
  const { top, bottom } = element.getBoundingClientRect();
  const inView = top >= 0 && bottom <= window.innerHeight;
  if (!inView) element.scrollIntoView({ block: 'start' });
}
