import { firstHeader } from '@/lib/sandbox/message';
import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';

// RFC 6585 §4: 429 Too Many Requests is about the rate of requests, not who sent them. Clients that treat
// every 4xx near a login as an auth failure clear good tokens or prompt the user again.
export const rateLimited: DiagnosisRule = {
  id: 'rate-limited-not-auth',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange }]) => {
      if (exchange.response.status !== 429) return [];
      const retryAfter = firstHeader(exchange.response.headers, 'Retry-After');
      return [
        {
          severity: 'problem' as const,
          title: 'A 429 is a rate limit, not an authentication failure',
          explanation: `${exchange.request.method} ${exchange.request.url} got 429 Too Many Requests${retryAfter ? ` with Retry-After: ${retryAfter}` : ''}: the server is refusing the pace of the requests, not the credentials, which may be perfectly good.`,
          fix: `Wait${retryAfter ? ` as Retry-After says (${retryAfter})` : ''} and send fewer requests; keep the credentials, do not sign the user out or ask for a new token.`,
          rfc: ['RFC 6585 §4'],
          hops: [at],
        },
      ];
    });
  },
};
