import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { challengesOf, requestLine } from './facts';

// RFC 6750 §3: a Bearer challenge carries at least one auth-param (realm, scope, error). A bare
// `WWW-Authenticate: Bearer` is a shape several test servers send, often while accepting any token.
export const bearerChallengeWithoutParams: DiagnosisRule = {
  id: 'bearer-challenge-without-params',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange }]) => {
      const bare = challengesOf(exchange, 'Bearer').filter((c) => c.token68 === undefined && Object.keys(c.params).length === 0);
      if (bare.length === 0) return [];
      return [
        {
          severity: 'warning' as const,
          title: 'A Bearer challenge with no parameters',
          explanation: `${requestLine(exchange)} was answered ${exchange.response.status} with a bare \`WWW-Authenticate: Bearer\`. The Bearer scheme asks for at least one parameter: a realm, or an error saying why the token was refused, without which the client cannot tell a missing token from an expired one.`,
          fix: 'Send at least a realm, and error="invalid_token" (with error_description) when a token was sent and refused: `WWW-Authenticate: Bearer realm="api", error="invalid_token"`.',
          rfc: ['RFC 6750 §3', 'RFC 6750 §3.1'],
          hops: [at],
        },
      ];
    });
  },
};
