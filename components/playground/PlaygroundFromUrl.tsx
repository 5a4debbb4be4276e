'use client';

import { useCallback, useState, useSyncExternalStore } from 'react';
import { defaultState } from '@/lib/playground/model';
import { decodeState } from '@/lib/playground/url-state';
import { Playground } from './Playground';
import type { PresetGroup } from './ScenarioPanel';

type Loaded = { state: ReturnType<typeof decodeState>['state']; problems: string[]; kept: string; search: string };

const noSubscribe = () => () => {};

/** Splits the page's query into the playground's state and the parameters that belong to the page. */
function readLink(search: string, keep: readonly string[]): Loaded {
  const query = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of keep) {
    for (const value of query.getAll(name)) kept.append(name, value);
    query.delete(name);
  }
  return { ...decodeState(query.toString()), kept: kept.toString(), search: query.toString() };
}

/**
 * Opens the playground on the state a share link carries. The page is static: the server renders the
 * default playground (so the layout is there from the first paint and does not shift), and once
 * hydrated the browser reads the link and, if it holds a state, reopens the playground on it. `path`
 * is where the state is written back (the embed has its own); `keep` names parameters that belong to
 * the page rather than the playground (an embed's `theme`): not read as state, kept in the URL.
 */
export function PlaygroundFromUrl({ groups, path = '/playground', keep = [] }: { groups: PresetGroup[]; path?: string; keep?: string[] }) {
  const hydrated = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const [loaded, setLoaded] = useState<Loaded | undefined>(undefined);
  // Read once, right after hydration (a state update during render, as React allows for derived state).
  if (hydrated && loaded === undefined) setLoaded(readLink(window.location.search, keep));
  const kept = loaded?.kept ?? '';
  const urlFor = useCallback(
    (query: string) => {
      const joined = [query, kept].filter((part) => part !== '').join('&');
      return joined === '' ? path : `${path}?${joined}`;
    },
    [path, kept],
  );
  return (
    <Playground
      // A link with a state reopens the playground on it; a bare URL keeps the server-rendered one.
      key={loaded && loaded.search !== '' ? 'link' : 'default'}
      initialState={loaded?.state ?? defaultState()}
      groups={groups}
      linkProblems={loaded?.problems ?? []}
      urlFor={urlFor}
      syncUrl={loaded !== undefined}
    />
  );
}
