import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { challengesOf, firstCredentials, getParam, requestLine } from './facts';

// RFC 6750 §3.1: when the request carried no authentication, the server SHOULD NOT include an error code in
// its challenge. An error="invalid_token" to a request without a token sends clients and readers looking for
// a bad token that was never sent: the token is missing, which is what the client needs to hear.
export const bearerErrorWithoutToken: DiagnosisRule = {
  id: 'bearer-error-without-token',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange }]) => {
      if (exchange.response.status !== 401 || firstCredentials(exchange)) return [];
      const withError = challengesOf(exchange, 'Bearer').find((c) => getParam(c.params, 'error') !== undefined);
      if (!withError) return [];
      const error = getParam(withError.params, 'error');
      return [
        {
          severity: 'warning' as const,
          title: `error="${error}" for a request that sent no token`,
          explanation: `${requestLine(exchange)} carried no Authorization, and the 401's Bearer challenge says error="${error}". No token was sent, so none was invalid: the challenge should only ask for one. Readers of this response look for a bad token instead of the missing one.`,
          fix: `Leave the error out when the request had no credentials (\`WWW-Authenticate: Bearer realm="api"\`); on the client, check why the token was not attached (a missing interceptor, a cleared store, a redirect that dropped it).`,
          rfc: ['RFC 6750 §3.1', 'RFC 6750 §3'],
          hops: [at],
        },
      ];
    });
  },
};
