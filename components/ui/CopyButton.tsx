'use client';

import { useEffect, useState } from 'react';

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

/** Copies `text`; the outcome is announced in a polite live region and shown in words, not colour. */
export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind === 'idle') return;
    const timer = window.setTimeout(() => setState({ kind: 'idle' }), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await writeClipboard(text);
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
      <button type="button" onClick={copy} className="rounded border border-line bg-canvas px-2 py-1 text-xs font-medium hover:bg-surface">
        {state.kind === 'copied' ? 'Copied' : label}
      </button>
    </span>
  );
}
