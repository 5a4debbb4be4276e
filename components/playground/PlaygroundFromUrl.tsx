'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense, useCallback, useState } from 'react';
import { defaultState } from '@/lib/playground/model';
import { decodeState } from '@/lib/playground/url-state';
import { Playground } from './Playground';
import type { PresetGroup } from './ScenarioPanel';

type Loaded = { state: ReturnType<typeof decodeState>['state']; problems: string[]; kept: string; search: string };

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

type Props = { groups: PresetGroup[]; path?: string; keep?: string[] };

/**
 * Opens the playground on the state a share link carries. The page is static: the server renders the
 * default playground as the fallback (so the layout is there from the first paint and does not shift, and
 * the page reads without JavaScript), and the browser renders the playground the link asks for. `path` is
 * where the state is written back (the embed has its own); `keep` names parameters that belong to the
 * page rather than the playground (an embed's `theme`): not read as state, kept in the URL.
 */
export function PlaygroundFromUrl(props: Props) {
  return (
    <Suspense fallback={<PlaygroundOn props={props} loaded={undefined} />}>
      <PlaygroundFromSearchParams {...props} />
    </Suspense>
  );
}

// The query comes from Next's router (useSearchParams), not window.location: on a client-side navigation
// (a lesson's "Open in the playground" link) the page renders before the router writes the new address
// into history, so window.location still held the lesson's URL; the playground opened its default
// scenario and wrote that back over the link. Read once, when it mounts: the playground then writes its
// own state into the address, which must not reopen it.
function PlaygroundFromSearchParams(props: Props) {
  const params = useSearchParams();
  const [loaded] = useState(() => readLink(params.toString(), props.keep ?? []));
  return <PlaygroundOn props={props} loaded={loaded} />;
}

function PlaygroundOn({ props: { groups, path = '/playground' }, loaded }: { props: Props; loaded: Loaded | undefined }) {
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
      // A link with a state opens the playground on it; a bare URL keeps the default one.
      key={loaded && loaded.search !== '' ? 'link' : 'default'}
      initialState={loaded?.state ?? defaultState()}
      groups={groups}
      linkProblems={loaded?.problems ?? []}
      urlFor={urlFor}
      syncUrl={loaded !== undefined}
    />
  );
}
