'use client';

import type { Dispatch } from 'react';
import { methodHasContent } from '@/lib/playground/methods';
import type { PlaygroundAction } from '@/lib/playground/reducer';
import type { PlaygroundState } from '@/lib/playground/model';
import { problemFor, type FieldProblem } from '@/lib/playground/field-problems';
import { FieldProblemMessage, problemAttributes } from './FieldProblemMessage';
import { HeadersEditor } from './HeadersEditor';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Esc leaves a text editor (focus moves on), so the keyboard is never stuck inside one. */
export function leaveOnEscape(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key === 'Escape') event.currentTarget.blur();
}

const METHOD = { kind: 'method' } as const;
const TARGET = { kind: 'target' } as const;
const BODY = { kind: 'body' } as const;

export function RequestEditor({
  request,
  problems = [],
  dispatch,
}: {
  request: PlaygroundState['request'];
  /** Why the request cannot be sent yet, each shown under its control. */
  problems?: readonly FieldProblem[];
  dispatch: Dispatch<PlaygroundAction>;
}) {
  const methodProblem = problemFor(problems, METHOD);
  const targetProblem = problemFor(problems, TARGET);
  const bodyProblem = problemFor(problems, BODY);
  return (
    <fieldset className="rounded-lg border border-line p-4">
      <legend className="px-1">
        <h2 className="text-lg font-bold">2. Request</h2>
      </legend>
      <div className="flex flex-wrap gap-2">
        <div className="flex flex-col">
          <label className="flex flex-col text-sm font-medium">
            Method
            <select
              {...problemAttributes(METHOD, methodProblem)}
              value={request.method}
              onChange={(event) => dispatch({ type: 'set-method', method: event.target.value })}
              className="mt-1 rounded border border-line bg-canvas px-2 py-1.5 font-mono"
            >
              {METHODS.map((method) => (
                <option key={method}>{method}</option>
              ))}
            </select>
          </label>
          <FieldProblemMessage field={METHOD} problem={methodProblem} />
        </div>
        <div className="flex min-w-0 flex-1 basis-64 flex-col">
          <label className="flex flex-col text-sm font-medium">
            Path and query (on the sandbox)
            <input
              {...problemAttributes(TARGET, targetProblem)}
              value={request.target}
              spellCheck={false}
              onChange={(event) => dispatch({ type: 'set-target', target: event.target.value })}
              className="mt-1 rounded border border-line bg-canvas px-2 py-1.5 font-mono text-sm"
            />
          </label>
          <FieldProblemMessage field={TARGET} problem={targetProblem} />
        </div>
      </div>
      <div className="mt-4">
        <HeadersEditor headers={request.headers} problems={problems} dispatch={dispatch} />
      </div>
      {methodHasContent(request.method) ? (
        <div className="mt-4 flex flex-col">
          <label className="flex flex-col text-sm font-medium">
            Body
            <textarea
              {...problemAttributes(BODY, bodyProblem)}
              value={request.body}
              rows={4}
              spellCheck={false}
              onKeyDown={leaveOnEscape}
              onChange={(event) => dispatch({ type: 'set-body', body: event.target.value })}
              className="mt-1 rounded border border-line bg-canvas px-2 py-1.5 font-mono text-sm"
            />
            <span className="mt-1 text-xs font-normal text-muted">Esc leaves the editor.</span>
          </label>
          <FieldProblemMessage field={BODY} problem={bodyProblem} />
        </div>
      ) : (
        <p className="mt-4 text-sm text-muted">{request.method} requests carry no body (RFC 9110 §9.3).</p>
      )}
    </fieldset>
  );
}
