import type { ConnectionView, ExchangeStep } from '@/lib/sandbox/exchange/input';

// Which connection each request went on, in words. Shown only when it matters: a scheme that binds to
// the connection (NTLM, Negotiate) took part, or the client used more than one. Otherwise every request
// went on connection 1 and saying so on each would only add noise.

export function connectionsMatter(steps: readonly ExchangeStep[]): boolean {
  const ids = new Set(steps.flatMap((step) => (step.connection ? [step.connection.id] : [])));
  return ids.size > 1 || steps.some((step) => step.connection && step.trace.some((entry) => entry.kind.startsWith('connection-')));
}

/** "new connection 2" or "connection 1": short enough for a sequence diagram's arrow. */
export function connectionLabel(connection: ConnectionView): string {
  return `${connection.opened ? 'new connection' : 'connection'} ${connection.id}`;
}

/** A sentence for the step view: which connection, and whether the client opened it or kept it. */
export function connectionSentence(connection: ConnectionView): string {
  return connection.opened
    ? `Sent on connection ${connection.id}, which the client opened for this request.`
    : `Sent on connection ${connection.id}, kept alive from the previous request.`;
}
