'use client';

import { useId, useRef, useState } from 'react';
import { parseChallenges } from '@/lib/http-auth';
import { BasicHelper } from './BasicHelper';
import { BearerHelper } from './BearerHelper';
import { DigestHelper } from './DigestHelper';
import type { HelperProps } from './types';

// Basic, Bearer and Digest helpers for one credentials field, as ARIA tabs (arrow keys, Home, End).
// Every panel stays mounted (hidden when not chosen) so switching tabs keeps what the reader typed.

const TABS = [
  { id: 'basic', label: 'Basic', Helper: BasicHelper },
  { id: 'bearer', label: 'Bearer', Helper: BearerHelper },
  { id: 'digest', label: 'Digest', Helper: DigestHelper },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** Start on the scheme the server asked for first, when it is one of ours (RFC 9110 §11.6.1). */
function firstAsked(challenges: string[]): TabId {
  const parsed = challenges.length > 0 ? parseChallenges(challenges) : undefined;
  const first = parsed?.ok ? parsed.value[0]?.scheme.toLowerCase() : undefined;
  return TABS.find((t) => t.id === first)?.id ?? 'basic';
}

export type CredentialHelpersProps = HelperProps & { headingLevel?: 2 | 3 | 4 };

export function CredentialHelpers({ headingLevel = 3, ...props }: CredentialHelpersProps) {
  const id = useId();
  const [active, setActive] = useState<TabId>(() => firstAsked(props.challenges));
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const Heading = `h${headingLevel}` as const;

  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const last = TABS.length - 1;
    const keys: Record<string, number> = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last };
    const next = keys[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = TABS[next];
    if (tab) setActive(tab.id);
    tabs.current[next]?.focus();
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0 rounded-lg border border-line p-3 sm:p-4">
      <Heading id={`${id}-heading`} className="text-base font-bold">
        Write the {props.field} header
      </Heading>
      <p className="mt-2 rounded border-l-4 border-amber-500 bg-surface px-3 py-2 text-sm text-ink">
        <strong>Warning:</strong> Never type real credentials here: this is a learning lab; use alice / wonderland.
      </p>
      <div role="tablist" aria-label={`Scheme for ${props.field}`} className="mt-3 flex flex-wrap gap-1 border-b border-line">
        {TABS.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            role="tab"
            type="button"
            id={`${id}-tab-${tab.id}`}
            aria-selected={active === tab.id}
            aria-controls={`${id}-panel-${tab.id}`}
            tabIndex={active === tab.id ? 0 : -1}
            onClick={() => setActive(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className="-mb-px rounded-t border border-transparent px-3 py-1.5 text-sm font-medium text-muted aria-selected:border-line aria-selected:border-b-canvas aria-selected:bg-canvas aria-selected:text-ink aria-selected:underline"
          >
            {tab.label}
          </button>
        ))}
      </div>
      {TABS.map(({ id: tabId, Helper }) => (
        <div key={tabId} role="tabpanel" id={`${id}-panel-${tabId}`} aria-labelledby={`${id}-tab-${tabId}`} hidden={active !== tabId} className="min-w-0 pt-3">
          <Helper {...props} />
        </div>
      ))}
    </section>
  );
}
