'use client';

import type { Dispatch } from 'react';
import { methodHasContent } from '@/lib/playground/methods';
import type { PlaygroundAction } from '@/lib/playground/reducer';
import type { PlaygroundState } from '@/lib/playground/model';
import { HeadersEditor } from './HeadersEditor';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Esc leaves a text editor (focus moves on), so the keyboard is never stuck inside one. */
export function leaveOnEscape(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key === 'Escape') event.currentTarget.blur();
}

export function RequestEditor({ request, dispatch }: { request: PlaygroundState['request']; dispatch: Dispatch<PlaygroundAction> }) {
  return (
    <fieldset className="rounded-lg border border-line p-4">
      <legend className="px-1">
        <h2 className="text-lg font-bold">2. Request</h2>
      </legend>
      <div className="flex flex-wrap gap-2">
        <label className="flex flex-col text-sm font-medium">
          Method
          <select
            value={request.method}
            onChange={(event) => dispatch({ type: 'set-method', method: event.target.value })}
            className="mt-1 rounded border border-line bg-canvas px-2 py-1.5 font-mono"
          >
            {METHODS.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 flex-1 basis-64 flex-col text-sm font-medium">
          Path and query (on the sandbox)
          <input
            value={request.target}
            spellCheck={false}
            onChange={(event) => dispatch({ type: 'set-target', target: event.target.value })}
            className="mt-1 rounded border border-line bg-canvas px-2 py-1.5 font-mono text-sm"
          />
        </label>
      </div>
      <div className="mt-4">
        <HeadersEditor headers={request.headers} dispatch={dispatch} />
      </div>
      {methodHasContent(request.method) ? (
        <label className="mt-4 flex flex-col text-sm font-medium">
          Body
          <textarea
            value={request.body}
            rows={4}
            spellCheck={false}
            onKeyDown={leaveOnEscape}
            onChange={(event) => dispatch({ type: 'set-body', body: event.target.value })}
            className="mt-1 rounded border border-line bg-canvas px-2 py-1.5 font-mono text-sm"
          />
          <span className="mt-1 text-xs font-normal text-muted">Esc leaves the editor.</span>
        </label>
      ) : (
        <p className="mt-4 text-sm text-muted">{request.method} requests carry no body (RFC 9110 §9.3).</p>
      )}
    </fieldset>
  );
}
