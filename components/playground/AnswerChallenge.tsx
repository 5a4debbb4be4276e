'use client';

import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { ChallengeToAnswer } from '@/lib/playground/challenge-to-answer';
import type { CredentialsField } from '@/lib/playground/header-fields';

// Manual mode stops at a 401 or 407: the reader decides what to send next. This offer, right under
// that response, opens the credential helper for its challenge (the response's own realm, nonce,
// qop and algorithm) and puts the header it builds into the request, so the next Send answers it.

// The same chunk the playground's "step by step" section loads on demand (React.lazy: see Playground).
const CredentialHelpers = lazy(() => import('./credentials/CredentialHelpers').then((module) => ({ default: module.CredentialHelpers })));

type Answerable = Extract<ChallengeToAnswer, { kind: 'origin' | 'proxy' }>;

/**
 * NTLM or Negotiate alone: their CHALLENGE is good only on the connection it came on, and the next Send
 * opens a new one, so instead of a header builder the reader is offered auto mode, which keeps one.
 */
export function ConnectionBoundChallenge({ answer, onAutoMode }: { answer: Extract<ChallengeToAnswer, { kind: 'connection-bound' }>; onAutoMode: () => void }) {
  const id = useId();
  const schemes = answer.schemes.join(' and ');
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-accent p-3 sm:p-4">
      <h3 id={`${id}-heading`} className="text-base font-bold">
        {schemes} cannot be answered by hand here
      </h3>
      <p className="mt-1 text-sm">
        {schemes} authenticate the connection, not the request: the CHALLENGE in this {answer.status}&apos;s {answer.challengeField} is good only on the
        connection it came on, and each Send here opens a new one. Auto mode keeps one connection for all three legs (NEGOTIATE, CHALLENGE, AUTHENTICATE), and
        shows which connection each request used.
      </p>
      <button type="button" onClick={onAutoMode} className="mt-2 rounded-md bg-accent px-4 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90">
        Switch to auto mode
      </button>
    </section>
  );
}

export function AnswerChallenge({
  answer,
  request,
  onApply,
  sendFormId,
}: {
  answer: Answerable;
  /** The request being built: Digest hashes its method, request-target and (auth-int) body. */
  request: { method: string; target: string; body: string };
  onApply: (field: CredentialsField, value: string) => void;
  /** The form whose submit sends the request, so the answer can be sent from here. */
  sendFormId: string;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [applied, setApplied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const openedByReader = useRef(false);

  // Focus follows the reader's click into the builder (WCAG 2.4.3), never on a mere re-render.
  useEffect(() => {
    if (open && openedByReader.current) heading.current?.focus();
    openedByReader.current = false;
  }, [open]);

  const hop = answer.kind === 'origin' ? 'the origin' : 'the proxy';
  return (
    <section aria-labelledby={`${id}-offer`} className="rounded-lg border border-accent p-3 sm:p-4">
      <p id={`${id}-offer`} className="text-sm">
        You decide what to send next: {hop} asked in {answer.challengeField}. Build the {answer.credentialsField} header from this {answer.status}&apos;s
        challenge.
      </p>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-builder`}
        onClick={() => {
          openedByReader.current = !open;
          setOpen(!open);
        }}
        className="mt-2 rounded-md bg-accent px-4 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90"
      >
        Answer this challenge
      </button>
      <div id={`${id}-builder`} hidden={!open} className="mt-3 space-y-3">
        {open ? (
          <>
            <h3 ref={heading} tabIndex={-1} className="text-base font-bold focus:outline-2 focus:outline-offset-2 focus:outline-accent">
              Answer the {answer.status} with {answer.credentialsField}
            </h3>
            <Suspense fallback={<p className="text-sm text-muted">Loading the header builder…</p>}>
              <CredentialHelpers
                headingLevel={4}
                field={answer.credentialsField}
                challenges={answer.challenges}
                onApply={(value) => {
                  onApply(answer.credentialsField, value);
                  setApplied(true);
                }}
                {...request}
              />
            </Suspense>
            {applied ? (
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <p>The request now carries {answer.credentialsField}.</p>
                <button type="submit" form={sendFormId} className="rounded-md bg-accent px-4 py-1.5 font-semibold text-accent-ink hover:opacity-90">
                  Send the answer
                </button>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
