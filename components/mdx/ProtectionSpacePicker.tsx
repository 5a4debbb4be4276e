'use client';

import { useId, useState } from 'react';
import { type BasicReuse, basicReuse } from '@/lib/http-auth';
import type { ProtectionSpaceTreeModel, SpaceNode } from '@/lib/content/widgets/protection-space-tree';
import { domId } from './dom-id';

/** Drawn, not a font glyph: Debian's fonts have no pause sign (U+23F8), and a missing glyph is a box. */
function MarkIcon({ sends }: { sends: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 12" className="mr-1 inline-block h-3 w-3 align-[-1px]" fill="currentColor">
      {sends ? <path d="M1 5h6V2l4 4-4 4V7H1z" /> : <path d="M2 1h3v10H2zM7 1h3v10H7z" />}
    </svg>
  );
}

/** The mark beside a URL, in words and an icon (never colour alone), and why. */
function mark(reuse: BasicReuse, isAccepted: boolean): { label: string; reason: string; sends: boolean } {
  switch (reuse.kind) {
    case 'preemptive':
      return {
        label: 'sends credentials pre-emptively',
        reason: isAccepted ? 'this request got the 401, then accepted them' : `at or below ${reuse.prefix}`,
        sends: true,
      };
    case 'outside-prefix':
      return { label: 'waits for a challenge', reason: `outside ${reuse.prefix}`, sends: false };
    case 'other-origin':
      return { label: 'waits for a challenge', reason: 'another origin, another protection space', sends: false };
    case 'not-a-url':
      return { label: 'waits for a challenge', reason: 'not an http(s) URL', sends: false };
    default: {
      const unknown: never = reuse;
      throw new Error(`Unknown reuse ${JSON.stringify(unknown)}`);
    }
  }
}

type Choice = { accepted: string; group: string; urls: readonly string[]; onChoose: (url: string) => void };

function Node({ node, choice }: { node: SpaceNode; choice: Choice }) {
  const { url } = node;
  const isAccepted = url === choice.accepted;
  const markId = url === undefined ? undefined : `${choice.group}-url-${choice.urls.indexOf(url)}`;
  const m = url === undefined ? undefined : mark(basicReuse(choice.accepted, url), isAccepted);
  return (
    <li className="mt-1">
      {url === undefined ? (
        <span className="font-mono text-sm">{node.name}</span>
      ) : (
        <span className="inline-flex flex-wrap items-baseline gap-x-2">
          <label className="inline-flex items-baseline gap-1.5">
            <input type="radio" name={choice.group} value={url} checked={isAccepted} onChange={() => choice.onChoose(url)} aria-describedby={markId} />
            <span className={`font-mono text-sm ${isAccepted ? 'font-bold' : ''}`}>{node.name}</span>
            <span className="sr-only"> ({url})</span>
          </label>
          {m ? (
            <span id={markId} className="text-xs" data-reuse={m.sends ? 'sends' : 'waits'}>
              <MarkIcon sends={m.sends} />
              <span className={m.sends ? 'font-semibold' : ''}>{m.label}</span>
              <span className="text-muted"> ({m.reason})</span>
            </span>
          ) : null}
        </span>
      )}
      {node.children.length > 0 ? (
        <ul className="ml-2 list-none border-l border-line pl-4">
          {node.children.map((c) => (
            <Node key={c.name} node={c} choice={choice} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The interactive part of <ProtectionSpaceTree>: one radio per URL; every mark follows the choice. */
export function ProtectionSpacePicker({ model }: { model: ProtectionSpaceTreeModel }) {
  const base = `space-${domId(useId())}`;
  const [accepted, setAccepted] = useState(model.accepted);
  const choice: Choice = { accepted, group: base, urls: model.urls, onChoose: setAccepted };
  const sending = model.urls.filter((url) => basicReuse(accepted, url).kind === 'preemptive').length;
  return (
    <figure className="not-prose my-6 rounded-lg border border-line p-4" aria-labelledby={`${base}-caption`}>
      <figcaption id={`${base}-caption`} className="text-sm font-medium">
        Where Basic credentials go unasked (RFC 7617 §2.2)
        <span className="block text-xs font-normal text-muted">
          Pick the URL that answered 401 and then accepted your credentials. The client may send them up front to every path at or below that URL&apos;s last{' '}
          <code className="font-mono">/</code>, on the same origin.
        </span>
      </figcaption>
      <fieldset className="mt-3 overflow-x-auto">
        <legend className="sr-only">URL that accepted your credentials</legend>
        <ul className="list-none">
          {model.origins.map((origin) => (
            <li key={origin.origin}>
              <span className="font-mono text-sm font-semibold">{origin.origin}</span>
              <ul className="ml-2 list-none border-l border-line pl-4">
                {origin.children.map((node) => (
                  <Node key={node.name} node={node} choice={choice} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </fieldset>
      <p className="mt-3 text-sm" aria-live="polite">
        Credentials go unasked to {sending} of {model.urls.length} URLs; the rest wait for a challenge.
      </p>
    </figure>
  );
}
