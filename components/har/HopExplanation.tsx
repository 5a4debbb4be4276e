'use client';

import { useState } from 'react';
import { explainResponse } from '@/lib/explain';
import type { ExchangeStep } from '@/lib/sandbox/exchange/input';
import { headerValues } from '@/lib/sandbox/message';
import { ExplainResult } from '@/components/playground/explain/ExplainResult';

// Issue 22: a recorded hop has no server trace, so its response is explained the way the playground's
// "Explain this response" explains a paste, by the same engine, on the hop's redacted raw response: the
// explanation can only quote what the page already shows, never a secret.

/** Fields that make a response worth explaining: the challenges (RFC 9110 §11.6.1, §11.7.1) and what follows success (§11.6.3, §11.7.3). */
const AUTH_FIELDS = ['WWW-Authenticate', 'Proxy-Authenticate', 'Authentication-Info', 'Proxy-Authentication-Info'] as const;

/** A 401, 403 or 407, or any response that carries one of the authentication fields. */
export function isAuthResponse(response: ExchangeStep['response']): boolean {
  return [401, 403, 407].includes(response.status) || AUTH_FIELDS.some((name) => headerValues(response.headers, name).length > 0);
}

function Explained({ raw }: { raw: string }) {
  // Heading level 4: it sits under the attempt's h3, inside the conversation's h2.
  return <ExplainResult explanation={explainResponse(raw)} lines={raw.split(/\r?\n/)} level={4} />;
}

/**
 * A disclosure under a recorded attempt. The explanation is worked out only once opened: a large recording
 * has many hops, and most readers open one or two.
 */
export function HopExplanation({ step, attempt }: { step: ExchangeStep; attempt: number }) {
  const [open, setOpen] = useState(false);
  if (!isAuthResponse(step.response)) return null;
  return (
    <details className="mt-3 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-semibold">
        Explain this response<span className="sr-only">, attempt {attempt}</span>
      </summary>
      {open ? (
        <div className="mt-2 min-w-0">
          <Explained raw={step.response.raw} />
        </div>
      ) : null}
    </details>
  );
}
