'use client';

import { useId, useRef, useState, useSyncExternalStore } from 'react';
import { CopyButton } from '@/components/ui/CopyButton';
import type { PlaygroundState } from '@/lib/playground/model';
import { SNIPPET_LANGUAGES, snippetFor, type SnippetLanguage } from '@/lib/playground/snippets';
import { snippetPlanFor } from '@/lib/playground/snippets/plan';
import { highlightSnippet, type SnippetTokenKind } from '@/lib/playground/snippets/highlight';

// Literal class names, so Tailwind generates them; colours in app/globals.css (AA on bg-surface in both themes).
const TOKEN_CLASS: Record<SnippetTokenKind, string | undefined> = {
  command: 'text-code-command font-semibold',
  option: 'text-code-option',
  string: 'text-code-string',
  comment: 'text-code-comment italic',
  keyword: 'text-code-keyword',
  number: 'text-code-number',
  plain: undefined,
};

const noSubscribe = () => () => {};

/**
 * The same conversation as curl, fetch, Python, HTTPie and Node: the request, and in auto mode what the
 * client answers challenges with. ARIA tabs, arrow keys move between them.
 */
export function SnippetTabs({ state }: { state: PlaygroundState }) {
  const origin = useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => 'http://localhost:3000',
  );
  const [active, setActive] = useState<SnippetLanguage>('curl');
  const id = useId();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const code = snippetFor(active, snippetPlanFor(state, origin));
  const grammar = SNIPPET_LANGUAGES.find((language) => language.id === active)?.grammar ?? 'shell';

  function onKeyDown(event: React.KeyboardEvent, index: number) {
    const last = SNIPPET_LANGUAGES.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    const language = SNIPPET_LANGUAGES[next];
    if (language) setActive(language.id);
    tabs.current[next]?.focus();
  }

  return (
    <div>
      <div role="tablist" aria-label="Copy the request as" className="flex flex-wrap gap-1 border-b border-line">
        {SNIPPET_LANGUAGES.map((language, index) => (
          <button
            key={language.id}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            role="tab"
            type="button"
            id={`${id}-tab-${language.id}`}
            aria-selected={active === language.id}
            aria-controls={`${id}-panel`}
            tabIndex={active === language.id ? 0 : -1}
            onClick={() => setActive(language.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className="-mb-px rounded-t border border-transparent px-3 py-1.5 text-sm font-medium text-muted aria-selected:border-line aria-selected:border-b-canvas aria-selected:bg-canvas aria-selected:text-ink aria-selected:underline"
          >
            {language.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${active}`} className="rounded-b border border-t-0 border-line p-2">
        <div className="flex justify-end">
          <CopyButton text={code} label="Copy snippet" />
        </div>
        <pre tabIndex={0} aria-label="Snippet" className="mt-1 max-h-80 overflow-auto rounded bg-surface p-2 font-mono text-xs">
          <code>
            {highlightSnippet(code, grammar).map((token, index) => (
              <span key={index} className={TOKEN_CLASS[token.kind]}>
                {token.text}
              </span>
            ))}
          </code>
        </pre>
      </div>
    </div>
  );
}
