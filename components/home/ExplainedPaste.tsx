'use client';

import { useMemo } from 'react';
import { explainResponse } from '@/lib/explain';
import { ExplainResult } from '@/components/playground/explain/ExplainResult';

/**
 * The explanation of one paste from the home page's box: its own chunk (the header grammar, the rules
 * and the result view), fetched only once the reader starts on the box (PasteToExplain).
 */
export function ExplainedPaste({ text }: { text: string }) {
  const explained = useMemo(() => ({ explanation: explainResponse(text), lines: text.split(/\r?\n/) }), [text]);
  return <ExplainResult explanation={explained.explanation} lines={explained.lines} level={3} />;
}
