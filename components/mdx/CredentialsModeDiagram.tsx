import { useId } from 'react';
import { type CredentialsCell, type CredentialsModesProps, type Readable, credentialsModesModel } from '@/lib/content/widgets/credentials-modes';
import { domId } from './dom-id';

const FETCH_CREDENTIALS = 'https://fetch.spec.whatwg.org/#http-network-or-cache-fetch';
const FETCH_CORS_CHECK = 'https://fetch.spec.whatwg.org/#cors-check';

// Header names are long words with no spaces; on a 390 px phone they may break anywhere, the prose may not.
const codeClass = 'font-mono [overflow-wrap:anywhere]';

const SITE_NAMES = { 'same-origin': 'Same-origin request', 'cross-origin': 'Cross-origin request' } as const;

function ReadableText({ readable }: { readable: Readable }) {
  switch (readable.kind) {
    case 'always':
      return <>always (same origin: no CORS check).</>;
    case 'cors':
      return (
        <>
          if <code className={codeClass}>Access-Control-Allow-Origin</code> is <code className={codeClass}>*</code> or the page&apos;s origin (
          <a href={FETCH_CORS_CHECK}>CORS check</a>).
        </>
      );
    case 'cors-with-credentials':
      return (
        <>
          only with <code className={codeClass}>Access-Control-Allow-Credentials: true</code> and <code className={codeClass}>Access-Control-Allow-Origin</code>{' '}
          naming the page&apos;s exact origin, <strong>not</strong> <code className={codeClass}>*</code>; otherwise <code className={codeClass}>fetch</code>{' '}
          rejects (<a href={FETCH_CORS_CHECK}>CORS check</a>).
        </>
      );
    default: {
      const unknown: never = readable;
      throw new Error(`Unknown readable ${JSON.stringify(unknown)}`);
    }
  }
}

/** One cell: what the browser attaches (an icon and words, never colour alone), where that comes from, and who may read the answer. */
function Cell({ cell }: { cell: CredentialsCell }) {
  return (
    <td className="px-2 py-2 align-top sm:px-3" data-site={cell.site} data-attaches={cell.attaches}>
      <p className="font-semibold">
        <span aria-hidden="true" className="mr-1">
          {cell.attaches ? '✔' : '✘'}
        </span>
        {cell.attaches ? 'Sends' : 'Does not send'}
        <span className="sr-only"> cookies and remembered HTTP authentication</span>
      </p>
      <p className="mt-0.5 text-xs text-muted">
        {cell.source.kind === 'tested' ? (
          <span data-fact={cell.source.factId}>Tested in Chromium and Firefox</span>
        ) : (
          <>
            From the <a href={FETCH_CREDENTIALS}>Fetch standard</a>
          </>
        )}
      </p>
      <p className="mt-1.5">
        Readable by the script <ReadableText readable={cell.readable} />
      </p>
    </td>
  );
}

/**
 * <CredentialsModeDiagram caption>: fetch's credentials modes against same- and cross-origin requests, as
 * a table (rows: modes; columns: where the request goes). Same-origin cells come from the facts the lab
 * tests in both engines (content/browser-facts.yaml); cross-origin cells from the Fetch standard.
 */
export function CredentialsModeDiagram(props: CredentialsModesProps) {
  const model = credentialsModesModel(props);
  const captionId = `credentials-modes-${domId(useId())}-caption`;
  return (
    // Focusable, so a keyboard can scroll the table sideways on a narrow phone (axe scrollable-region-focusable).
    <figure tabIndex={0} className="not-prose my-6 overflow-x-auto rounded-lg border border-line" aria-labelledby={captionId}>
      <table className="w-full border-collapse text-left text-xs [overflow-wrap:anywhere] sm:text-sm" aria-labelledby={captionId}>
        <caption id={captionId} className="px-3 pt-3 pb-2 text-left font-medium">
          {model.caption}
        </caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="px-2 py-2 font-semibold sm:px-3">
              <code className="font-mono">credentials</code>
            </th>
            {model.rows[0]?.cells.map((cell) => (
              <th key={cell.site} scope="col" className="w-[40%] px-2 py-2 font-semibold sm:px-3">
                {SITE_NAMES[cell.site]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.mode} data-mode={row.mode} className="border-b border-line last:border-b-0">
              <th scope="row" className="px-2 py-2 align-top font-normal whitespace-nowrap sm:px-3">
                <code className="font-mono">&apos;{row.mode}&apos;</code>
                {row.mode === 'same-origin' ? <span className="block text-xs text-muted">fetch&apos;s default</span> : null}
              </th>
              {row.cells.map((cell) => (
                <Cell key={cell.site} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="space-y-1 border-t border-line px-3 py-2 text-xs text-muted">
        <p>&ldquo;Sends&rdquo; means the browser attaches its own credentials: cookies and the HTTP authentication it remembered from its login dialog.</p>
        {model.ownAuthorization ? (
          <p>
            An <code className={codeClass}>Authorization</code> header your script sets is not one of these credentials: it goes out in every mode, even{' '}
            <code className={codeClass}>&apos;omit&apos;</code> (tested in Chromium and Firefox, fact {model.ownAuthorization.factId}).
          </p>
        ) : null}
        <p>Cookies also follow their own SameSite attribute and the browser&apos;s third-party cookie settings.</p>
      </div>
    </figure>
  );
}
