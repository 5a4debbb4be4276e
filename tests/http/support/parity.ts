// What the parity tests compare (tests/app/sandbox-parity.test.ts in process, tests/http/sandbox-parity
// over real HTTP): an answer's status, field lines in order, and body, without what differs by design.
import type { HeaderList } from '@/lib/sandbox/message';

export type Answer = { status: number; headers: HeaderList; body: string };

// Added by the transport, not the engine: connection management and the site-wide security headers.
const TRANSPORT = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'x-frame-options',
  'content-security-policy',
]);

/** Nonces and cnonces are fresh on every challenge; everything else must match exactly. */
export function normaliseForParity(answer: Answer): Answer {
  const headers = answer.headers
    .filter(([name]) => !TRANSPORT.has(name.toLowerCase()))
    .map(([name, value]): [string, string] => [name.toLowerCase(), value.replace(/\bnonce="[^"]*"/g, 'nonce="…"')]);
  return { status: answer.status, headers, body: answer.body };
}
