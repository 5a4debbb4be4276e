'use client';

import { useEffect, useState } from 'react';
import { replaceLabAddress } from '@/lib/site/lab-origin.mjs';
import { readerOrigin } from '@/lib/site/reader-origin';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed' };

async function writeClipboard(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
  await navigator.clipboard.writeText(text);
}

function message(state: CopyState): string {
  switch (state.kind) {
    case 'idle':
      return '';
    case 'copied':
      return 'Copied to the clipboard.';
    case 'failed':
      return 'Could not copy: select the text and press Ctrl+C (⌘C on a Mac).';
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/**
 * Copies `text`; the outcome is announced in a polite live region and shown in words, not colour.
 * `origin`: the lab's origin as `text` names it; what is copied names the origin the reader is on
 * instead, and its host in Host fields, as the code on the page does (components/ui/ReaderOrigin.tsx).
 */
export function CopyButton({ text, label = 'Copy', origin }: { text: string; label?: string; origin?: string }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind === 'idle') return;
    const timer = window.setTimeout(() => setState({ kind: 'idle' }), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await writeClipboard(origin === undefined ? text : replaceLabAddress(text, origin, readerOrigin(origin)));
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'failed' });
    }
  }

  return (
    <span className="inline-flex items-center gap-2" data-print-hidden>
      <span role="status" className="text-xs text-muted">
        {message(state)}
      </span>
      <button type="button" data-copy-button onClick={copy} className="rounded border border-line bg-canvas px-2 py-1 text-xs font-medium hover:bg-surface">
        {state.kind === 'copied' ? 'Copied' : label}
      </button>
    </span>
  );
}
