'use client';

import { lazy, Suspense, useEffect, useId, useReducer, useRef, useState } from 'react';
import type { PlaygroundState } from '@/lib/playground/model';
import { playgroundReducer, requestForSend } from '@/lib/playground/reducer';
import { encodeState } from '@/lib/playground/url-state';
import type { Transcript } from '@/lib/sandbox/exchange/input';
import { ClientPanel } from './ClientPanel';
import { headerValues } from '@/lib/sandbox/message';
import { RequestEditor } from './RequestEditor';
import { ResultPanel, type HistoryEntry, type SendState } from './ResultPanel';
import { AnswerChallenge, ConnectionBoundChallenge } from './AnswerChallenge';
import { challengeToAnswer } from '@/lib/playground/challenge-to-answer';
import { ScenarioPanel, type PresetGroup } from './ScenarioPanel';
import { SnippetTabs } from './SnippetTabs';
import { revealAndFocus } from './reveal';
import { EXCHANGE_PATH } from '@/lib/sandbox/routes/paths';

const HISTORY_LIMIT = 10;

// The credential helpers (and the hashes Digest needs) are a chunk of their own, fetched when the
// reader first opens "Write the credentials headers step by step" (or points at or focuses it), so
// the page does not load them for readers who never do. React.lazy rather than next/dynamic: the
// chunk of a next/dynamic import is listed among the page's scripts, so it would load anyway.
const loadHelpers = () => import('./credentials/CredentialHelpers');
const CredentialHelpers = lazy(() => loadHelpers().then((module) => ({ default: module.CredentialHelpers })));
const prefetchHelpers = () => void loadHelpers().catch(() => undefined);

/** Posts the request description to /api/exchange (see LiveRun for why the page never calls the sandbox itself). */
async function sendExchange(body: unknown): Promise<{ kind: 'ok'; transcript: Transcript; elapsedMs: number } | { kind: 'refused'; message: string }> {
  const started = performance.now();
  const response = await fetch(EXCHANGE_PATH, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.ok) {
    const transcript = (await response.json()) as Transcript;
    return { kind: 'ok', transcript, elapsedMs: Math.round(performance.now() - started) };
  }
  const problem = (await response.json().catch(() => ({}))) as { detail?: string };
  return { kind: 'refused', message: problem.detail ?? `The lab answered ${response.status}.` };
}

/** Where the state lives in the address bar: /playground?…, or the embed's own path (PlaygroundFromUrl). */
const playgroundUrl = (query: string) => (query ? `/playground?${query}` : '/playground');

export function Playground({
  initialState,
  groups,
  linkProblems,
  urlFor = playgroundUrl,
  syncUrl = true,
}: {
  initialState: PlaygroundState;
  groups: PresetGroup[];
  linkProblems: string[];
  urlFor?: (query: string) => string;
  /** False while the page has not read its share link yet, so that link is not overwritten. */
  syncUrl?: boolean;
}) {
  const [state, dispatch] = useReducer(playgroundReducer, initialState);
  const [send, setSend] = useState<SendState>({ kind: 'idle' });
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const nextId = useRef(1);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // Counts finished sends: each one (answered, refused or failed) takes the reader to the result.
  const [sendsFinished, setSendsFinished] = useState(0);
  // Mounted on first open, then kept (closing and reopening keeps what the reader typed).
  const [helpersOpened, setHelpersOpened] = useState(false);
  const ready = requestForSend(state);
  // The challenges the credential helpers answer: those of the last response the reader saw.
  const lastResponse = send.kind === 'done' ? send.transcript.steps.at(-1)?.response : undefined;
  const challenges = (field: string) => (lastResponse ? headerValues(lastResponse.headers, field) : []);
  const helperProps = { method: state.request.method, target: state.request.target, body: state.request.body };
  const formId = useId();
  // Manual mode stops at a 401/407: offer to answer it right there (issue #16).
  const toAnswer = state.mode === 'manual' && lastResponse ? challengeToAnswer(lastResponse) : undefined;

  // The whole state lives in the URL, so the address bar is always a share link. Only a changed address
  // is written: Next's router observes replaceState, and on hydration (the address already right) the
  // call was a measured 16 ms of the page's longest task.
  useEffect(() => {
    if (!syncUrl) return;
    const url = urlFor(encodeState(state));
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', url);
  }, [state, urlFor, syncUrl]);

  // After the result has rendered, not before: the heading must be where the result is.
  useEffect(() => {
    if (sendsFinished > 0) revealAndFocus(resultHeading.current);
  }, [sendsFinished]);

  async function onSend(event: React.FormEvent) {
    event.preventDefault();
    if (ready.kind !== 'ready') return;
    setSend({ kind: 'sending' });
    try {
      const result = await sendExchange(ready.input);
      if (result.kind === 'refused') {
        setSend({ kind: 'failed', message: result.message });
        return;
      }
      setSend({ kind: 'done', transcript: result.transcript, elapsedMs: result.elapsedMs });
      const label = `${state.request.method} ${state.request.target}`;
      setHistory((entries) => [{ id: nextId.current++, label, transcript: result.transcript }, ...entries].slice(0, HISTORY_LIMIT));
    } catch {
      setSend({ kind: 'failed', message: 'The lab could not be reached. Check your connection and try again.' });
    } finally {
      setSendsFinished((count) => count + 1);
    }
  }

  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <form id={formId} onSubmit={onSend} className="min-w-0 space-y-4" aria-label="Build a request">
        {linkProblems.length > 0 ? (
          <div role="status" className="rounded border-l-4 border-amber-600 bg-surface px-3 py-2 text-sm">
            <p className="font-semibold">Parts of this link could not be used:</p>
            <ul className="list-disc pl-5">
              {linkProblems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <ScenarioPanel groups={groups} preset={state.preset} target={state.request.target} dispatch={dispatch} />
        <RequestEditor request={state.request} problems={ready.kind === 'invalid' ? ready.fields : []} dispatch={dispatch} />
        <details className="rounded-lg border border-line p-4" onToggle={(event) => event.currentTarget.open && setHelpersOpened(true)}>
          <summary className="cursor-pointer font-semibold" onPointerEnter={prefetchHelpers} onFocus={prefetchHelpers}>
            Write the credentials headers step by step
          </summary>
          {helpersOpened ? (
            <Suspense fallback={<p className="mt-3 text-sm text-muted">Loading the helpers…</p>}>
              <div className="mt-3 space-y-4">
                <CredentialHelpers
                  field="Authorization"
                  challenges={challenges('WWW-Authenticate')}
                  onApply={(value) => dispatch({ type: 'set-credentials', field: 'Authorization', value })}
                  {...helperProps}
                />
                <CredentialHelpers
                  field="Proxy-Authorization"
                  challenges={challenges('Proxy-Authenticate')}
                  onApply={(value) => dispatch({ type: 'set-credentials', field: 'Proxy-Authorization', value })}
                  {...helperProps}
                />
              </div>
            </Suspense>
          ) : null}
        </details>
        <ClientPanel state={state} dispatch={dispatch} />
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={ready.kind !== 'ready' || send.kind === 'sending'}
            className="rounded-md bg-accent px-5 py-2 font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60"
          >
            {send.kind === 'sending' ? 'Sending…' : 'Send'}
          </button>
          <p className="text-sm text-muted">
            <span className="font-semibold text-ink">Never paste real credentials here.</span> Use alice / wonderland or bob / builder.
          </p>
        </div>
        {ready.kind === 'invalid' ? (
          // Not a live region: each problem is announced once, from beside its field (FieldProblemMessage).
          <div className="text-sm">
            <p className="font-semibold">Fix these before sending:</p>
            <ul className="list-disc pl-5">
              {ready.fields.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <section aria-labelledby="snippets-heading">
          <h2 id="snippets-heading" className="text-lg font-bold">
            The same request in code
          </h2>
          <div className="mt-2">
            <SnippetTabs state={state} />
          </div>
        </section>
      </form>
      <ResultPanel
        send={send}
        history={history}
        headingRef={resultHeading}
        onShow={(entry) => setSend({ kind: 'done', transcript: entry.transcript, elapsedMs: 0 })}
        answer={
          toAnswer?.kind === 'connection-bound' ? (
            <ConnectionBoundChallenge answer={toAnswer} onAutoMode={() => dispatch({ type: 'set-mode', mode: 'auto' })} />
          ) : toAnswer && lastResponse && toAnswer.kind !== 'nothing-to-answer' ? (
            <AnswerChallenge
              key={lastResponse.raw}
              answer={toAnswer}
              request={helperProps}
              sendFormId={formId}
              onApply={(field, value) => dispatch({ type: 'set-credentials', field, value })}
            />
          ) : null
        }
      />
    </div>
  );
}
