import { headerValues } from '@/lib/sandbox/message';
import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';

// RFC 9110 §15.5.2: a server generating a 401 MUST send a WWW-Authenticate field with at least one challenge;
// §15.5.8: a 407 MUST carry Proxy-Authenticate. Without it a client cannot know how to authenticate.
export const noChallenge: DiagnosisRule = {
  id: 'no-challenge',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange }]) => {
      const { status, headers } = exchange.response;
      if (status !== 401 && status !== 407) return [];
      const field = status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate';
      if (headerValues(headers, field).some((value) => value.trim() !== '')) return [];
      return [
        {
          severity: 'problem' as const,
          title: `A ${status} without ${field}`,
          explanation: `${exchange.request.method} ${exchange.request.url} was answered ${status} with no ${field} field, so no client can tell which scheme to answer with: a ${status} must carry at least one challenge.`,
          fix: `Have the server send ${field} with the scheme it expects (for example \`${field}: Bearer realm="api"\`). If the credentials were right but not allowed, the answer is 403, not ${status}.`,
          rfc: [status === 401 ? 'RFC 9110 §15.5.2' : 'RFC 9110 §15.5.8', status === 401 ? 'RFC 9110 §11.6.1' : 'RFC 9110 §11.7.1'],
          hops: [at],
        },
      ];
    });
  },
};
