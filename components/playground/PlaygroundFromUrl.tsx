'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { decodeState } from '@/lib/playground/url-state';
import { Playground } from './Playground';
import type { PresetGroup } from './ScenarioPanel';

/** Opens the playground on the state a share link carries (the page itself stays static). */
export function PlaygroundFromUrl({ groups }: { groups: PresetGroup[] }) {
  const search = useSearchParams().toString();
  // Decoded once per page load: after that the playground owns the state and writes it to the URL.
  const [{ state, problems }] = useState(() => decodeState(search));
  return <Playground initialState={state} groups={groups} linkProblems={problems} />;
}
