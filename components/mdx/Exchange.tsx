import { useId } from 'react';
import { type ExchangeProps, exchangeModel } from '@/lib/content/widgets/exchange';
import { LabText } from '@/components/ui/LabText';
import { domId } from './dom-id';
import { InlineSegments } from './InlineSegments';

/**
 * <Exchange caption messages>: raw HTTP messages as a static transcript, lines numbered. An annotated
 * line carries a numbered marker that links to its note below the message, so the note is found by
 * number and position, never by colour. Invalid props fail the build (lib/content/widgets/exchange.ts).
 */
export function Exchange(props: ExchangeProps) {
  const { caption, messages, collapsed } = exchangeModel(props);
  const base = `exchange-${domId(useId())}`;
  const noteId = (n: number) => `${base}-note-${n}`;
  const markerId = (n: number) => `${base}-ref-${n}`;
  const figure = (
    <figure className={`not-prose overflow-hidden rounded-lg border border-line ${collapsed ? 'mt-3' : 'my-6'}`} aria-labelledby={`${base}-caption`}>
      <figcaption id={`${base}-caption`} className="border-b border-line bg-surface px-3 py-1.5 text-sm font-medium">
        {caption}
      </figcaption>
      {messages.map((message, index) => {
        const labelId = `${base}-m${index}`;
        return (
          <div key={index} role="group" aria-labelledby={labelId} className={index > 0 ? 'border-t border-line' : undefined}>
            <p id={labelId} className="px-3 pt-2 text-xs font-semibold tracking-wide text-muted uppercase">
              {message.label}
            </p>
            {/* Focusable so a keyboard can scroll long lines sideways (as Shiki's blocks are); relative so the
                visually hidden marker text stays inside the scrolling box instead of widening the page. */}
            <pre tabIndex={0} className="relative overflow-x-auto py-2 font-mono text-sm leading-relaxed">
              {/* Line numbers are generated content (globals.css, .exchange-line): a lesson has hundreds of
                  lines, and an element per number made the page heavier to hydrate. */}
              <code className="exchange-code">
                {message.lines.map(({ number, line, notes }) => (
                  <span
                    key={number}
                    data-line={number}
                    className={`exchange-line block pr-3 ${notes.length > 0 ? 'border-l-4 border-accent bg-surface pl-2' : 'border-l-4 border-transparent pl-2'}`}
                  >
                    {line.text === '' ? ' ' : <LabText text={line.text} />}
                    {notes.map((n) => (
                      <a
                        key={n}
                        id={markerId(n)}
                        href={`#${noteId(n)}`}
                        className="ml-2 inline-flex h-5 min-w-5 items-center justify-center rounded-full border border-current px-1 align-middle font-sans text-xs font-bold text-accent no-underline"
                      >
                        <span className="sr-only">Note </span>
                        {n}
                      </a>
                    ))}
                  </span>
                ))}
              </code>
            </pre>
            {message.notes.length > 0 ? (
              <ol aria-label={`Notes on the ${message.label.toLowerCase()}`} className="space-y-1 border-t border-line px-3 py-2 text-sm">
                {message.notes.map((note) => (
                  <li key={note.number} id={noteId(note.number)} className="flex gap-2">
                    <span className="inline-flex h-5 min-w-5 shrink-0 items-center justify-center rounded-full border border-current px-1 text-xs font-bold text-accent">
                      <span className="sr-only">Note </span>
                      {note.number}
                    </span>
                    <span>
                      <span className="font-semibold">Line {note.line}:</span> <InlineSegments segments={note.text} />{' '}
                      <a href={`#${markerId(note.number)}`} className="text-accent underline underline-offset-2">
                        <span aria-hidden="true">↩</span>
                        <span className="sr-only">Back to line {note.line}</span>
                      </a>
                    </span>
                  </li>
                ))}
              </ol>
            ) : null}
          </div>
        );
      })}
    </figure>
  );
  if (!collapsed) return figure;
  // <Exchange collapsed>: the same conversation is already on the page (a <TryIt> draws it), so the
  // annotated messages are one click away instead of shown twice (issue 16). Exports open it.
  return (
    <details data-export-open className="not-prose my-6 rounded-lg border border-line p-3">
      <summary className="cursor-pointer text-sm font-semibold">The messages, annotated: {caption}</summary>
      {figure}
    </details>
  );
}
