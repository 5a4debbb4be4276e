import { headerValues } from '@/lib/sandbox/message';
import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { requestLine, sentCredentials } from './facts';

// RFC 9110 §11.6.2: Authorization carries one set of credentials, and §5.3: a sender must not send a field
// more than once unless its value is a list, which credentials are not. Servers keep the first, the last, or
// refuse, and two layers (a proxy and a framework) may each add one.
export const severalCredentials: DiagnosisRule = {
  id: 'several-credentials',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange }]) => {
      const lines = headerValues(exchange.request.headers, 'Authorization').length;
      if (lines < 2) return [];
      const schemes = sentCredentials(exchange).map((sent) => sent.scheme || '(no scheme)');
      return [
        {
          severity: 'problem' as const,
          title: 'Several Authorization fields in one request',
          explanation: `${requestLine(exchange)} carried ${lines} Authorization field lines (${schemes.join(', ')}) and was answered ${exchange.response.status}. A request carries one set of credentials; which of these the server read is up to the server, and it may refuse the request for it.`,
          fix: 'Find which layer adds the second field (an HTTP client default, an interceptor, a proxy that injects one) and send a single Authorization.',
          rfc: ['RFC 9110 §11.6.2', 'RFC 9110 §5.3'],
          hops: [at],
        },
      ];
    });
  },
};
