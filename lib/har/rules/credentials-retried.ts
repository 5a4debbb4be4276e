import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { firstCredentials } from './facts';

/** Sent this many times and refused every time: a loop, not a retry. */
const LOOP = 3;

// RFC 9110 §15.5.2: a 401 to a request with credentials means those credentials were refused, and §15.5.4
// says a client SHOULD NOT repeat a 403'd request with the same credentials. Sending the same ones again
// only burns the server's lockout counter. Redaction gives equal secrets equal ids, so "the same credentials"
// is known without knowing them.
export const credentialsRetried: DiagnosisRule = {
  id: 'credentials-retried',
  diagnose({ conversation }) {
    const refused = new Map<string, { scheme: string; hops: number[]; status: Set<number> }>();
    for (const [at, { exchange }] of numberedHops(conversation)) {
      const { status } = exchange.response;
      const field = status === 407 ? 'Proxy-Authorization' : 'Authorization';
      if (status !== 401 && status !== 403 && status !== 407) continue;
      const sent = firstCredentials(exchange, field);
      if (!sent?.id) continue;
      const seen = refused.get(sent.id) ?? { scheme: sent.scheme, hops: [], status: new Set<number>() };
      seen.hops.push(at);
      seen.status.add(status);
      refused.set(sent.id, seen);
    }
    return [...refused.entries()]
      .filter(([, seen]) => seen.hops.length >= LOOP)
      .map(([id, seen]) => ({
        severity: 'problem' as const,
        title: 'The same credentials were sent again and again',
        explanation: `The same ${seen.scheme} credentials (redacted as #${id}) were sent ${seen.hops.length} times in this conversation and refused every time (${[...seen.status].join(', ')}). A refusal means these credentials will not work; sending them again changes nothing, and may lock the account.`,
        fix: 'Stop retrying on a 401 or 403 with the same credentials: ask for new ones (or refresh the token) once, and give up with a clear message if they are refused too. Look for a retry loop in the client or an interceptor that resends on every 401.',
        rfc: ['RFC 9110 §15.5.2', 'RFC 9110 §15.5.4'],
        hops: seen.hops,
      }));
  },
};
