import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { firstCredentials, isLoopback } from './facts';

// RFC 6750 §5.3: a bearer token works for anyone who holds it, so it must only travel over TLS. Loopback is
// left out: that traffic never leaves the machine.
export const bearerOverHttp: DiagnosisRule = {
  id: 'bearer-over-http',
  diagnose({ conversation }) {
    const sent = numberedHops(conversation).filter(([, hop]) => {
      const scheme = firstCredentials(hop.exchange)?.scheme.toLowerCase();
      return hop.origin.startsWith('http://') && !isLoopback(hop.origin) && scheme === 'bearer';
    });
    const first = sent[0];
    if (!first) return [];
    return [
      {
        severity: 'warning' as const,
        title: 'A bearer token sent over plain HTTP',
        explanation: `${sent.length === 1 ? 'A request' : `${sent.length} requests`} to ${first[1].origin} carried a Bearer token over http://. Whoever holds a bearer token can use it, and anyone on the network path could read this one.`,
        fix: 'Call the API over https:// only, and revoke the tokens that were sent over http:// (or let them expire if they are short-lived).',
        rfc: ['RFC 6750 §5.3', 'RFC 6750 §5.2'],
        hops: sent.map(([at]) => at),
      },
    ];
  },
};
