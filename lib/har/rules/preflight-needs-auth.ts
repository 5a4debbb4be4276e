import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { isPreflight } from '../relevance';
import { requestLine } from './facts';

// WHATWG Fetch, CORS-preflight fetch: a preflight is sent without credentials, and only an ok status (2xx)
// lets the real request go. A server that asks for authentication on OPTIONS fails every preflight, so the
// request that would have carried Authorization is never sent and the script sees a network error.
export const preflightNeedsAuth: DiagnosisRule = {
  id: 'preflight-needs-auth',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange }]) => {
      const { status } = exchange.response;
      if (!isPreflight(exchange) || (status !== 401 && status !== 403 && status !== 407)) return [];
      return [
        {
          severity: 'problem' as const,
          title: `A CORS preflight answered ${status}`,
          explanation: `The browser's preflight ${requestLine(exchange)} was answered ${status}. A preflight never carries credentials (it asks whether the real request, with its Authorization, may be sent), so it cannot authenticate; on anything but 2xx the browser does not send the real request, and the script sees a network error, not a ${status}.`,
          fix: 'Answer OPTIONS preflights before authentication, with 204 and the Access-Control-Allow-Origin, -Methods and -Headers (naming Authorization) the request needs; authenticate the real request that follows.',
          rfc: ['RFC 9110 §9.3.7', 'RFC 9110 §15.5.2'],
          fetch: [{ anchor: 'cors-preflight-fetch', name: 'CORS-preflight fetch' }],
          hops: [at],
        },
      ];
    });
  },
};
