'use client';

import { useEffect, useSyncExternalStore } from 'react';
import { readPreference, writePreference } from '@/lib/site/storage';

/** Where the choice is remembered, and the attribute on <html> that app/globals.css reads. */
export const TRAINER_STORAGE_KEY = 'http-auth-lab:trainer';
const TRAINER_ATTRIBUTE = 'data-trainer';

/**
 * "For trainers": shows the small Embed button beside every lesson heading (issue 16: readers do not
 * need one per heading; a trainer building a course does). A toggle button (aria-pressed), remembered
 * in localStorage. The buttons keep their room while hidden (visibility, app/globals.css), so turning
 * it on or off moves nothing; without JavaScript they stay hidden and the page's Embed button remains.
 */
// One store for every toggle on the page: the preference, and who to tell when it changes.
const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const readOn = () => readPreference(TRAINER_STORAGE_KEY) === 'on';
function writeOn(on: boolean) {
  writePreference(TRAINER_STORAGE_KEY, on ? 'on' : 'off');
  listeners.forEach((listener) => listener());
}

export function TrainerToggle() {
  // The server (and hydration) render it off; then the reader's remembered choice shows.
  const on = useSyncExternalStore(subscribe, readOn, () => false);

  useEffect(() => {
    document.documentElement.toggleAttribute(TRAINER_ATTRIBUTE, on);
  }, [on]);

  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => writeOn(!on)}
      className="inline-flex items-center gap-1.5 rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface aria-pressed:bg-surface"
      data-print-hidden
    >
      {/* The state is said in words (and by aria-pressed), never by the colour alone. */}
      For trainers<span className="text-xs text-muted">{on ? '· on' : '· off'}</span>
    </button>
  );
}
