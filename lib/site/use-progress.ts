'use client';

import { useSyncExternalStore } from 'react';
import { EMPTY_PROGRESS, type Progress, readProgress, subscribeProgress } from './progress';

/** The reader's progress; the server (and hydration) render with none, then the browser's shows. */
export function useProgress(): Progress {
  return useSyncExternalStore(subscribeProgress, readProgress, () => EMPTY_PROGRESS);
}
