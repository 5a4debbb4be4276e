import { headerValues } from '@/lib/sandbox/message';
import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { requestLine } from './facts';

// RFC 9110 §15.5.8 and §11.7.1: 407 is a proxy's answer to its client. A request to an https:// origin goes
// through a proxy only inside a CONNECT tunnel, so a 407 to the request itself (not to CONNECT), with no Via
// naming a proxy, came from the origin server. Chromium turns such a 407 into a network error
// (ERR_UNEXPECTED_PROXY_AUTH); Firefox neither prompts nor sends proxy credentials, and hands it to the page.
export const proxyAuthFromOrigin: DiagnosisRule = {
  id: 'proxy-auth-from-origin',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange, origin }]) => {
      if (exchange.response.status !== 407 || exchange.request.method.toUpperCase() === 'CONNECT') return [];
      if (!origin.startsWith('https://') || headerValues(exchange.response.headers, 'Via').length > 0) return [];
      return [
        {
          severity: 'problem' as const,
          title: 'A 407 from a server that is not the proxy',
          explanation: `${requestLine(exchange)} was answered 407 Proxy Authentication Required inside its TLS connection, with no Via: the origin server sent it, not a proxy. Proxy-Authenticate is for the client's own proxy; in Chromium the request fails with ERR_UNEXPECTED_PROXY_AUTH, and Firefox hands the 407 to the page without asking for proxy credentials.`,
          fix: 'Have the server answer 401 with WWW-Authenticate when it wants the client to authenticate; 407 is only for a proxy asking its own client.',
          rfc: ['RFC 9110 §15.5.8', 'RFC 9110 §11.7.1', 'RFC 9110 §15.5.2'],
          hops: [at],
        },
      ];
    });
  },
};
