'use client';

import { useState } from 'react';
import { getParam, parseChallenges } from '@/lib/http-auth';
import type { Transcript } from '@/lib/sandbox/exchange/input';
import { headerValues } from '@/lib/sandbox/message';
import { MCP_PATH } from '@/lib/sandbox/oauth/lab-metadata';
import { EXCHANGE_PATH } from '@/lib/sandbox/routes/paths';

// Why aud matters, shown rather than told: the run's token sent to the lab's other protected resource, its
// MCP server, through /api/exchange like every playground request. The MCP server checks aud (RFC 9068 §4)
// and refuses a token asked for whoami (RFC 8707 §2) with 401 invalid_token and the reason.

type Outcome = { kind: 'idle' } | { kind: 'sending' } | { kind: 'answered'; status: number; error?: string; description?: string } | { kind: 'failed' };

/** A JSON-RPC request the MCP server would answer with a valid token (MCP Streamable HTTP: POST, Accept both types). */
const TOOLS_LIST = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

/**
 * The reason in words: the problem body's detail, whole. error_description says the same in the narrow
 * character set RFC 6750 §3 allows, where § has become "?".
 */
function problemDetail(body: string): string | undefined {
  try {
    const detail = (JSON.parse(body) as { detail?: unknown }).detail;
    return typeof detail === 'string' ? detail : undefined;
  } catch {
    return undefined;
  }
}

async function sendToMcp(token: string, host: string | undefined): Promise<Outcome> {
  const response = await fetch(EXCHANGE_PATH, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      mode: 'manual',
      request: {
        method: 'POST',
        target: MCP_PATH,
        // The run's Host: the MCP server then names the same origin the token's issuer and aud name.
        headers: [
          ...(host ? [['Host', host]] : []),
          ['Authorization', `Bearer ${token}`],
          ['Content-Type', 'application/json'],
          ['Accept', 'application/json, text/event-stream'],
        ],
        body: TOOLS_LIST,
      },
    }),
  });
  if (!response.ok) return { kind: 'failed' };
  const answer = ((await response.json()) as Transcript).steps[0]?.response;
  if (!answer) return { kind: 'failed' };
  const parsed = parseChallenges(headerValues(answer.headers, 'WWW-Authenticate'));
  const bearer = parsed.ok ? parsed.value.find((challenge) => challenge.scheme.toLowerCase() === 'bearer') : undefined;
  return {
    kind: 'answered',
    status: answer.status,
    error: bearer && getParam(bearer.params, 'error'),
    description: problemDetail(answer.body) ?? (bearer && getParam(bearer.params, 'error_description')),
  };
}

export function AudienceCheck({ token, transcript }: { token: string; transcript: Transcript }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const host = headerValues(transcript.steps.at(-1)?.request.headers ?? [], 'Host')[0];
  async function onClick() {
    setOutcome({ kind: 'sending' });
    setOutcome(await sendToMcp(token, host).catch((): Outcome => ({ kind: 'failed' })));
  }
  return (
    <div className="mt-2">
      <button
        type="button"
        onClick={onClick}
        disabled={outcome.kind === 'sending'}
        className="rounded border border-line px-3 py-1 text-sm hover:bg-surface disabled:opacity-60"
      >
        Send this token to the lab’s MCP server
      </button>
      <div aria-live="polite" className="mt-2 text-sm break-words">
        {outcome.kind === 'sending' ? <p>Sending…</p> : null}
        {outcome.kind === 'failed' ? <p>The lab could not be reached; try again.</p> : null}
        {outcome.kind === 'answered' ? (
          <p>
            <span className="font-semibold">
              POST {MCP_PATH} answered {outcome.status}
              {outcome.error ? ` with error="${outcome.error}"` : ''}:
            </span>{' '}
            {outcome.description ?? (outcome.status === 200 ? 'it took the token.' : 'no reason given.')}
          </p>
        ) : null}
      </div>
    </div>
  );
}
