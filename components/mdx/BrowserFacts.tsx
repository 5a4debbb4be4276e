import { useId } from 'react';
import { type BrowserFactsProps, browserFactsModel } from '@/lib/content/widgets/browser-facts';
import { domId } from './dom-id';
import { InlineSegments } from './InlineSegments';

/**
 * <BrowserFacts caption ids>: what Chromium and Firefox do, as tested. The facts come from
 * content/browser-facts.yaml (read at build time; tests/browser/browser-facts.test.ts checks each one in
 * both engines), so the lesson cannot claim something the browsers do not do. A row where the engines
 * differ says so in words, never by colour alone.
 */
export function BrowserFacts(props: BrowserFactsProps) {
  const model = browserFactsModel(props);
  const captionId = `browser-facts-${domId(useId())}-caption`;
  return (
    // On a phone the table can be wider than its box and scroll sideways: focusable, so a keyboard can
    // scroll it too (axe's scrollable-region-focusable, seen at 390 px).
    <figure tabIndex={0} className="not-prose my-6 overflow-x-auto rounded-lg border border-line" aria-labelledby={captionId}>
      <table className="w-full border-collapse text-left text-sm" aria-labelledby={captionId}>
        <caption id={captionId} className="px-3 pt-3 pb-2 text-left font-medium">
          {model.caption}
          <span className="block text-xs font-normal text-muted">Checked in both engines by the lab&apos;s tests.</span>
        </caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="px-3 py-2 font-semibold">
              When
            </th>
            {model.clients.map((client) => (
              <th key={client.id} scope="col" className="px-3 py-2 font-semibold">
                {client.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.id} data-browser-fact={row.id} className="border-b border-line align-top last:border-b-0">
              <th scope="row" className="px-3 py-2 font-normal">
                <InlineSegments segments={row.question} />
                {row.differ ? <span className="mt-1 block text-xs font-semibold uppercase">Engines differ</span> : null}
                {row.note ? (
                  <span className="mt-1 block text-xs text-muted">
                    <InlineSegments segments={row.note} />
                  </span>
                ) : null}
              </th>
              {row.cells.map((cell, i) => (
                <td key={model.clients[i]?.id ?? i} className="px-3 py-2">
                  <InlineSegments segments={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
