'use client';

import { useId, useState, type ReactNode } from 'react';
import type { CredentialsField } from '@/lib/playground/header-fields';

// Small building blocks the three helpers share: labelled inputs whose error is tied to them with
// aria-describedby and announced, a box for long values that wraps inside itself at 360 px, and the
// "use it" button that says in words what it did.

export const inputClass = 'mt-1 w-full min-w-0 rounded border border-line bg-canvas px-2 py-1.5 font-mono text-sm text-ink';
export const buttonClass =
  'rounded border border-line bg-canvas px-3 py-1.5 text-sm font-medium text-ink hover:bg-surface disabled:cursor-not-allowed disabled:opacity-70';
export const primaryButtonClass =
  'rounded bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink hover:opacity-90 disabled:cursor-not-allowed disabled:opacity-70';

/** An error in words ("Error: ..."), not in colour alone; role=alert announces it when it appears. */
export function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} role="alert" className="mt-1 rounded border-l-4 border-rose-600 bg-surface px-2 py-1 text-sm break-words text-ink">
      <strong>Error:</strong> {children}
    </p>
  );
}

type FieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the input and announced; also marks the input aria-invalid. */
  error?: string | undefined;
  hint?: ReactNode;
  autoComplete?: string;
};

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list === '' ? undefined : list;
}

export function TextField({ label, value, onChange, error, hint, autoComplete = 'off' }: FieldProps) {
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
        autoComplete={autoComplete}
        spellCheck={false}
        className={inputClass}
      />
      {hint !== undefined && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {error && <ErrorText id={`${id}-error`}>{error}</ErrorText>}
    </div>
  );
}

/** type=password with a Show toggle (aria-pressed), so the reader can check what they typed. */
export function PasswordField({ label, value, onChange, error, hint, autoComplete = 'off' }: FieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="min-w-0">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium">
        {label}
      </label>
      <div className="flex items-end gap-2">
        <input
          id={`${id}-input`}
          type={shown ? 'text' : 'password'}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error && `${id}-error`)}
          autoComplete={autoComplete}
          spellCheck={false}
          className={inputClass}
        />
        <button type="button" aria-pressed={shown} aria-controls={`${id}-input`} onClick={() => setShown((s) => !s)} className={`${buttonClass} shrink-0`}>
          {shown ? 'Hide' : 'Show'}
          <span className="sr-only"> {label.toLowerCase()}</span>
        </button>
      </div>
      {hint !== undefined && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {error && <ErrorText id={`${id}-error`}>{error}</ErrorText>}
    </div>
  );
}

/**
 * One step of a computation: a name, an optional explanation, and the value in a box that wraps. `whole`
 * drops the height cap: a lesson figure prints, and a capped box that scrolls is one more tab stop a
 * keyboard needs (axe's scrollable-region-focusable, seen at 390 px).
 */
export function ComputationStep({ name, value, note, whole = false }: { name: ReactNode; value: string; note?: ReactNode; whole?: boolean }) {
  return (
    <div className="min-w-0">
      <dt className="text-sm font-medium">{name}</dt>
      <dd className="mt-0.5">
        <code className={`block ${whole ? '' : 'max-h-40 overflow-auto'}rounded bg-surface px-2 py-1 font-mono text-xs break-all whitespace-pre-wrap text-ink`}>
          {value === '' ? '(empty)' : value}
        </code>
        {note !== undefined && <p className="mt-0.5 text-xs text-muted">{note}</p>}
      </dd>
    </div>
  );
}

/** The final button: calls onApply and confirms in a polite status region, in words. */
export function ApplyButton({
  field,
  value,
  onApply,
  label,
  disabled = false,
}: {
  field: CredentialsField;
  value: string | undefined;
  onApply: (value: string) => void;
  label: string;
  disabled?: boolean;
}) {
  const [applied, setApplied] = useState<string | undefined>(undefined);
  const off = disabled || value === undefined;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={off}
        onClick={() => {
          if (value === undefined) return;
          onApply(value);
          setApplied(value);
        }}
        className={primaryButtonClass}
      >
        {label}
      </button>
      <p role="status" className="min-w-0 text-sm break-all text-muted">
        {applied !== undefined && applied === value ? `Set ${field} on the request.` : ''}
      </p>
    </div>
  );
}
