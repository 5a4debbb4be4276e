'use client';

import type { Dispatch } from 'react';
import type { PlaygroundAction } from '@/lib/playground/reducer';
import type { HeaderList } from '@/lib/sandbox/message';
import { problemFor, type FieldProblem } from '@/lib/playground/field-problems';
import { FieldProblemMessage, problemAttributes } from './FieldProblemMessage';

/** Ordered, editable header list: duplicates allowed (a request may repeat a field), order kept. */
export function HeadersEditor({
  headers,
  problems = [],
  dispatch,
}: {
  headers: HeaderList;
  /** Why the request cannot be sent yet; each header's own shows under its row. */
  problems?: readonly FieldProblem[];
  dispatch: Dispatch<PlaygroundAction>;
}) {
  return (
    <div>
      <h3 className="text-sm font-semibold" id="headers-heading">
        Headers
      </h3>
      {headers.length === 0 ? <p className="mt-1 text-sm text-muted">No headers yet (Host is added for you).</p> : null}
      <ol className="mt-2 space-y-2" aria-labelledby="headers-heading">
        {headers.map(([name, value], index) => {
          const nameField = { kind: 'header', index, part: 'name' } as const;
          const valueField = { kind: 'header', index, part: 'value' } as const;
          const nameProblem = problemFor(problems, nameField);
          const valueProblem = problemFor(problems, valueField);
          return (
            <li key={index}>
              <div className="flex flex-wrap items-center gap-2">
                <label className="sr-only" htmlFor={`header-name-${index}`}>{`Header ${index + 1} name`}</label>
                <input
                  id={`header-name-${index}`}
                  {...problemAttributes(nameField, nameProblem)}
                  value={name}
                  placeholder="Name"
                  onChange={(event) => dispatch({ type: 'update-header', index, name: event.target.value, value })}
                  className="w-40 min-w-0 rounded border border-line bg-canvas px-2 py-1 font-mono text-sm"
                />
                <label className="sr-only" htmlFor={`header-value-${index}`}>{`Header ${index + 1} value`}</label>
                <input
                  id={`header-value-${index}`}
                  {...problemAttributes(valueField, valueProblem)}
                  value={value}
                  placeholder="Value"
                  onChange={(event) => dispatch({ type: 'update-header', index, name, value: event.target.value })}
                  className="min-w-0 flex-1 basis-48 rounded border border-line bg-canvas px-2 py-1 font-mono text-sm"
                />
                <span className="flex gap-1">
                  <button
                    type="button"
                    aria-label={`Move header ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() => dispatch({ type: 'move-header', index, direction: 'up' })}
                    className="rounded border border-line px-2 py-1 text-sm disabled:opacity-40"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move header ${index + 1} down`}
                    disabled={index === headers.length - 1}
                    onClick={() => dispatch({ type: 'move-header', index, direction: 'down' })}
                    className="rounded border border-line px-2 py-1 text-sm disabled:opacity-40"
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove header ${index + 1} (${name || 'unnamed'})`}
                    onClick={() => dispatch({ type: 'remove-header', index })}
                    className="rounded border border-line px-2 py-1 text-sm"
                  >
                    Remove
                  </button>
                </span>
              </div>
              <FieldProblemMessage field={nameField} problem={nameProblem} />
              <FieldProblemMessage field={valueField} problem={valueProblem} />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() => dispatch({ type: 'add-header' })}
        className="mt-2 rounded border border-line px-3 py-1 text-sm font-medium hover:bg-surface"
      >
        Add a header
      </button>
    </div>
  );
}
