'use client';

import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { type Explanation, explainResponse } from '@/lib/explain';
import { EXPLAIN_EXAMPLES } from './explain/examples';
import { ExplainResult, type HeadingLevel } from './explain/ExplainResult';
import { RAW_HTTP_TEXTAREA } from '@/components/ui/raw-http-textarea';

type Explained = { explanation: Explanation; lines: string[] };

function run(text: string): Explained {
  return { explanation: explainResponse(text), lines: text.split(/\r?\n/) };
}

/**
 * "Explain this response": paste a response (raw HTTP, curl -v output or one header line) and see
 * what is wrong or unusual, character by character, and what a client does next. Ctrl+Enter (⌘Enter)
 * explains; Esc leaves the text box for the Explain button, so the keyboard is never trapped.
 * `headingLevel` is the level of the result's heading, to fit the page it sits on; `autoFocus` puts
 * the keyboard in the text box when the reader asked for the tool on purpose.
 */
export function ExplainResponse({
  headingLevel = 3,
  initialText = '',
  autoFocus = false,
}: {
  headingLevel?: HeadingLevel;
  initialText?: string;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState(initialText);
  const [result, setResult] = useState<Explained | undefined>(undefined);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const examplesId = `${id}-examples`;

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      setResult(run(event.currentTarget.value));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      buttonRef.current?.focus();
    }
  }

  function tryExample(example: string) {
    setText(example);
    setResult(run(example));
  }

  return (
    <div className="min-w-0 space-y-3">
      <div role="group" aria-labelledby={examplesId} className="flex flex-wrap items-center gap-2">
        <span id={examplesId} className="text-sm font-medium">
          Try an example:
        </span>
        {EXPLAIN_EXAMPLES.map((ex) => (
          <button
            key={ex.id}
            type="button"
            onClick={() => tryExample(ex.text)}
            className="rounded border border-line bg-canvas px-2 py-1 text-xs font-medium hover:bg-surface"
          >
            {ex.label}
          </button>
        ))}
      </div>
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-semibold">
          Response to explain
        </label>
        <p id={hintId} className="text-sm text-muted">
          Paste the status line and headers, curl -v output, or a single header line. Ctrl+Enter explains; Esc leaves the box.
        </p>
        <textarea
          id={inputId}
          aria-describedby={hintId}
          autoFocus={autoFocus}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          rows={10}
          {...RAW_HTTP_TEXTAREA}
          placeholder={'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="api"'}
        />
      </div>
      <button
        ref={buttonRef}
        type="button"
        onClick={() => setResult(run(text))}
        className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90"
      >
        Explain
      </button>
      <div aria-live="polite" className="min-w-0">
        {result ? <ExplainResult explanation={result.explanation} lines={result.lines} level={headingLevel} /> : null}
      </div>
    </div>
  );
}
