'use client';

import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { TroubleTree } from '@/lib/content/troubleshooting-types';
import { indexNodes, walk, walkReducer } from '@/lib/content/troubleshooting-walk';
import { CauseDetails } from './CauseDetails';
import { TroubleshooterText, spokenTroubleshooterText } from './TroubleshooterText';

const buttonClass = 'rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface disabled:opacity-60';

/**
 * The interactive walk: one question at a time, answers as buttons, the path as a breadcrumb list.
 * Its first render (the first question) is what the server sends; moving on needs JavaScript, and
 * the outline beside it covers the same tree without it. The tree comes as a prop (serialised into
 * this page only) rather than an import, which would put its text into the chunk every lesson loads.
 */
export function TroubleshooterWalk({ tree, presetTitles }: { tree: TroubleTree; presetTitles: Readonly<Record<string, string>> }) {
  const index = useMemo(() => indexNodes(tree), [tree]);
  const [choices, dispatch] = useReducer(walkReducer, []);
  const { steps, current } = walk(tree, choices, index);
  const heading = useRef<HTMLHeadingElement>(null);
  const [moved, setMoved] = useState(false);

  // After each move (not on the first render), focus the new heading so keyboard users land on it.
  useEffect(() => {
    if (moved) heading.current?.focus();
  }, [choices, moved]);

  const go = (action: Parameters<typeof dispatch>[0]) => {
    setMoved(true);
    dispatch(action);
  };

  const headingId = `troubleshooter-${current.id}`;
  const announcement = !moved
    ? ''
    : current.kind === 'question'
      ? `Question ${steps.length + 1}: ${spokenTroubleshooterText(current.prompt)}`
      : `${current.notTheCause ? 'Not the cause' : 'Cause found'}: ${spokenTroubleshooterText(current.title)}`;

  // data-export-drop: the walk needs the site's scripts, so the exports leave it out and open the outline.
  return (
    <div data-export-drop className="rounded-lg border border-line p-4">
      {steps.length > 0 && (
        <nav aria-label="Your answers so far" className="mb-3">
          <ol className="m-0 flex list-none flex-wrap items-baseline gap-x-1 gap-y-2 p-0 text-sm">
            {steps.map((step, i) => (
              <li key={step.question.id} className="flex items-baseline gap-1">
                {i > 0 && <span aria-hidden="true">›</span>}
                <button type="button" className="rounded px-1 underline underline-offset-4 hover:bg-surface" onClick={() => go({ kind: 'return-to', step: i })}>
                  <span className="sr-only">Change answer {i + 1}: </span>
                  <TroubleshooterText text={step.answer.label} />
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}

      {current.kind === 'question' ? (
        <div role="group" aria-labelledby={headingId}>
          <h3 id={headingId} ref={heading} tabIndex={-1} className="mt-0 text-base font-bold">
            <span className="text-muted">Question {steps.length + 1}: </span>
            <TroubleshooterText text={current.prompt} />
          </h3>
          {current.hint && (
            <p className="mt-1 text-sm text-muted">
              <TroubleshooterText text={current.hint} />
            </p>
          )}
          <ul className="mt-3 grid list-none gap-2 p-0">
            {current.answers.map((answer, choice) => (
              <li key={answer.next + answer.label}>
                <button type="button" className={`${buttonClass} w-full text-left`} onClick={() => go({ kind: 'answer', choice })}>
                  <TroubleshooterText text={answer.label} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <section aria-labelledby={headingId}>
          <h3 id={headingId} ref={heading} tabIndex={-1} className="mt-0 text-base font-bold">
            <span className="text-muted">{current.notTheCause ? 'Not the cause: ' : 'Cause: '}</span>
            <TroubleshooterText text={current.title} />
          </h3>
          <CauseDetails cause={current} presetTitles={presetTitles} />
        </section>
      )}

      <div className="mt-4 flex flex-wrap gap-2" data-print-hidden>
        <button type="button" className={buttonClass} disabled={steps.length === 0} onClick={() => go({ kind: 'back' })}>
          Back
        </button>
        <button type="button" className={buttonClass} disabled={steps.length === 0} onClick={() => go({ kind: 'start-over' })}>
          Start over
        </button>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
