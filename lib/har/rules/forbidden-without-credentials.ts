import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { isPreflight } from '../relevance';
import { firstCredentials, requestHas, requestLine } from './facts';

// RFC 9110 §11.4 and §15.5.2: missing credentials are answered 401 with a challenge, which tells the client
// how to authenticate; 403 (§15.5.4) refuses a client whose credentials, if any, were not enough. A 403 to a
// request that carried none (no Authorization, no Cookie) gives the client nothing to answer with.
// A preflight answered 403 is preflight-needs-auth's.
export const forbiddenWithoutCredentials: DiagnosisRule = {
  id: 'forbidden-without-credentials',
  diagnose({ conversation }) {
    const hops = numberedHops(conversation);
    return hops.flatMap(([at, { exchange }]) => {
      if (exchange.response.status !== 403 || isPreflight(exchange)) return [];
      if (firstCredentials(exchange) || requestHas(exchange, 'Cookie')) return [];
      // Credentials sent later to the same URL prove the resource needed them: then it is surely wrong.
      const later = hops.find(([after, hop]) => after > at && hop.exchange.request.url === exchange.request.url && firstCredentials(hop.exchange));
      return [
        {
          severity: later ? ('problem' as const) : ('warning' as const),
          title: 'A 403 to a request that sent no credentials',
          explanation: `${requestLine(exchange)} carried no Authorization and no Cookie, and was answered 403 Forbidden${
            later ? `; the request to it at hop ${later[0] + 1} did send credentials, so the resource does need them` : ''
          }. A 403 says the server will not let this client in whoever it is; with no credentials sent, the answer that tells the client how to sign in is 401 with a WWW-Authenticate challenge.`,
          fix: 'If the resource needs authentication, answer requests without credentials with 401 and a challenge (for example `WWW-Authenticate: Bearer realm="api"`), and keep 403 for credentials that were valid but not enough. If nobody may have it, 403 (or 404, to hide it) is right and this can be ignored.',
          rfc: ['RFC 9110 §15.5.4', 'RFC 9110 §15.5.2', 'RFC 9110 §11.4'],
          hops: later ? [at, later[0]] : [at],
        },
      ];
    });
  },
};
