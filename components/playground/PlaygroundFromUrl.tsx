'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';
import { decodeState } from '@/lib/playground/url-state';
import { Playground } from './Playground';
import type { PresetGroup } from './ScenarioPanel';

/**
 * Opens the playground on the state a share link carries (the page itself stays static). `path` is
 * where the state is written back (the embed has its own); `keep` names parameters that belong to
 * the page rather than the playground (an embed's `theme`): not read as state, kept in the URL.
 */
export function PlaygroundFromUrl({ groups, path = '/playground', keep = [] }: { groups: PresetGroup[]; path?: string; keep?: string[] }) {
  const params = useSearchParams();
  // Decoded once per page load: after that the playground owns the state and writes it to the URL.
  const [{ state, problems, kept }] = useState(() => {
    const query = new URLSearchParams(params.toString());
    const kept = new URLSearchParams();
    for (const name of keep) {
      for (const value of query.getAll(name)) kept.append(name, value);
      query.delete(name);
    }
    return { ...decodeState(query.toString()), kept: kept.toString() };
  });
  const urlFor = useCallback((query: string) => {
    const joined = [query, kept].filter((part) => part !== '').join('&');
    return joined === '' ? path : `${path}?${joined}`;
  }, [path, kept]);
  return <Playground initialState={state} groups={groups} linkProblems={problems} urlFor={urlFor} />;
}
