'use client';

import { useId, useState } from 'react';
import type { QuizModel } from '@/lib/content/widgets/quiz';
import { recordQuizAnswer } from '@/lib/site/progress';
import { useProgress } from '@/lib/site/use-progress';
import { domId } from './dom-id';
import { InlineSegments } from './InlineSegments';

type Answer = { kind: 'none' } | { kind: 'unchosen' } | { kind: 'checked'; option: number };

/** The interactive part of <Quiz>: a radio group, a Check button, the verdict in words and an icon. */
export function QuizQuestion({ quiz }: { quiz: QuizModel }) {
  const base = `quiz-${domId(useId())}`;
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const [answer, setAnswer] = useState<Answer>({ kind: 'none' });
  const stored = useProgress().quizzes[quiz.id];

  function check() {
    if (chosen === undefined) {
      setAnswer({ kind: 'unchosen' });
      return;
    }
    setAnswer({ kind: 'checked', option: chosen });
    recordQuizAnswer(quiz.id, chosen === quiz.correct);
  }

  const checked = answer.kind === 'checked' ? answer.option : undefined;
  const right = checked === quiz.correct;
  return (
    <div className="not-prose my-6 rounded-lg border border-line p-4" data-quiz={quiz.id} data-embed-part="quiz">
      <fieldset>
        <legend id={`${base}-question`} className="font-semibold">
          <span className="sr-only">Question: </span>
          <InlineSegments segments={quiz.question} />
        </legend>
        <div className="mt-3 space-y-2">
          {quiz.options.map((option, i) => (
            <label
              key={i}
              className="flex cursor-pointer items-start gap-2 rounded-md border border-line px-3 py-2 has-[:checked]:border-accent has-[:checked]:bg-surface"
            >
              <input
                type="radio"
                name={base}
                value={i}
                checked={chosen === i}
                onChange={() => setChosen(i)}
                className="mt-1 h-4 w-4 shrink-0 accent-[var(--color-accent)]"
              />
              <span>
                <InlineSegments segments={option.text} />
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-3 flex flex-wrap items-center gap-3" data-print-hidden>
        <button
          type="button"
          onClick={check}
          aria-describedby={`${base}-question`}
          className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90"
        >
          Check answer
        </button>
        {stored && answer.kind === 'none' ? (
          <span className="text-sm text-muted">
            {stored === 'correct' ? 'You answered this correctly before.' : 'You tried this before; not yet answered correctly.'}
          </span>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="mt-3">
        {answer.kind === 'unchosen' ? <p className="text-sm">Choose an answer first.</p> : null}
        {checked !== undefined ? (
          <p className="flex items-start gap-2">
            <span
              aria-hidden="true"
              className={`inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full border-2 border-current font-bold ${right ? 'text-green-700 dark:text-green-400' : 'text-rose-700 dark:text-rose-400'}`}
            >
              {right ? '✓' : '✗'}
            </span>
            <span>
              <strong>{right ? 'Correct.' : 'Not quite.'}</strong> <InlineSegments segments={quiz.options[checked]?.explain ?? []} />
            </span>
          </p>
        ) : null}
      </div>
      {checked !== undefined ? (
        <div className="mt-3 border-t border-line pt-3 text-sm">
          <p id={`${base}-all`} className="font-semibold">
            Every option explained
          </p>
          <ul aria-labelledby={`${base}-all`} className="mt-2 space-y-2">
            {quiz.options.map((option, i) => (
              <li key={i}>
                <span className="font-semibold">{i === quiz.correct ? '✓ Correct answer: ' : '✗ Wrong answer: '}</span>
                <InlineSegments segments={option.text} /> — <InlineSegments segments={option.explain} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
