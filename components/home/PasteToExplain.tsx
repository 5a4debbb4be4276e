'use client';

import { type KeyboardEvent, lazy, Suspense, useId, useRef, useState } from 'react';
import { RAW_HTTP_TEXTAREA } from '@/components/ui/raw-http-textarea';

// The explainer is a chunk of its own, so the home page's own JavaScript stays small: fetching starts
// when the reader focuses or types in the box, and a paste explained before it has arrived waits for
// it (Suspense) rather than being dropped.
const loadExplainer = () => import('./ExplainedPaste');
const ExplainedPaste = lazy(() => loadExplainer().then((module) => ({ default: module.ExplainedPaste })));

/** What the Explain button last asked for; `run` tells two presses of the same text apart. */
type Asked = { kind: 'nothing-pasted' } | { kind: 'paste'; text: string; run: number };

/**
 * The home page's front door for "I have a 401 right now": a paste box whose Explain button explains
 * in place. The text box is uncontrolled, so what was typed or pasted before React hydrated is what
 * gets explained. Nothing pasted leaves the browser: no form, no name, no URL, no request; pasted text
 * may hold a password or a token. Ctrl+Enter (⌘Enter) explains; Esc leaves the box for the button.
 */
export function PasteToExplain() {
  const [asked, setAsked] = useState<Asked | undefined>(undefined);
  const box = useRef<HTMLTextAreaElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const inputId = `${id}-paste`;
  const hintId = `${id}-hint`;

  function explain() {
    const text = box.current?.value ?? '';
    setAsked((before) => (text.trim() === '' ? { kind: 'nothing-pasted' } : { kind: 'paste', text, run: (before?.kind === 'paste' ? before.run : 0) + 1 }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      explain();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      button.current?.focus();
    }
  }

  const prefetch = () => void loadExplainer();

  return (
    <div className="min-w-0 space-y-3">
      <div className="space-y-1">
        <label htmlFor={inputId} className="block font-semibold">
          Paste the response you got
        </label>
        <p id={hintId} className="text-sm text-muted">
          The status line and headers, curl -v output, or one header line such as WWW-Authenticate. It is read here in your browser and sent nowhere.
        </p>
        <textarea
          ref={box}
          id={inputId}
          aria-describedby={hintId}
          onFocus={prefetch}
          onInput={prefetch}
          onKeyDown={onKeyDown}
          rows={4}
          {...RAW_HTTP_TEXTAREA}
          placeholder={'WWW-Authenticate: Basic realm="api"'}
        />
      </div>
      <button
        ref={button}
        type="button"
        onClick={explain}
        onPointerEnter={prefetch}
        className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
      >
        Explain
      </button>
      <div aria-live="polite" className="min-w-0">
        {asked?.kind === 'nothing-pasted' ? <p className="text-sm">Paste a response or a header line into the box first.</p> : null}
        {asked?.kind === 'paste' ? (
          <Suspense fallback={<p className="text-sm text-muted">Explaining…</p>}>
            <ExplainedPaste key={asked.run} text={asked.text} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
