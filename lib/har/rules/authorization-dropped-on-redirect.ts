import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { firstCredentials, requestLine } from './facts';

// WHATWG Fetch, HTTP-redirect fetch: a browser removes Authorization when a redirect goes to another origin
// (another scheme, host or port); curl does not send -u credentials to another host either. RFC 9110 §15.4
// leaves it to the client. The request after the redirect arrives bare and gets the 401.
export const authorizationDroppedOnRedirect: DiagnosisRule = {
  id: 'authorization-dropped-on-redirect',
  diagnose({ conversation }) {
    const hops = numberedHops(conversation);
    return hops.flatMap(([at, hop]) => {
      const { exchange } = hop;
      if (exchange.response.status !== 401 || hop.redirectedFrom === undefined || firstCredentials(exchange)) return [];
      // Walk back along the redirects to the request that did carry credentials.
      const chain: typeof hops = [];
      let link = hops.find(([, h]) => h.exchange.index === hop.redirectedFrom);
      while (link && !firstCredentials(link[1].exchange)) {
        chain.unshift(link);
        const before = link[1].redirectedFrom;
        link = before === undefined ? undefined : hops.find(([, h]) => h.exchange.index === before);
      }
      if (!link || link[1].origin === hop.origin) return [];
      const carrier = link;
      const sent = firstCredentials(carrier[1].exchange);
      if (!sent) return [];
      return [
        {
          severity: 'problem' as const,
          title: 'Authorization was dropped on a redirect to another origin',
          explanation: `${requestLine(carrier[1].exchange)} carried ${sent.scheme} credentials and was redirected (${carrier[1].exchange.response.status}) from ${carrier[1].origin}${chain.length > 0 ? `, through ${chain.length} more redirect${chain.length === 1 ? '' : 's'},` : ''} to ${hop.origin}. Clients remove Authorization when a redirect crosses origins (browsers by the Fetch standard, curl for another host), so ${requestLine(exchange)} arrived without credentials and got 401.`,
          fix: 'Call the final URL directly (fix the scheme, host or trailing slash that causes the redirect), or have the server stop redirecting authenticated API calls across origins. Do not make the client resend credentials to wherever a redirect points: that is what the rule protects against.',
          rfc: ['RFC 9110 §15.4', 'RFC 9110 §11.6.2'],
          fetch: [{ anchor: 'http-redirect-fetch', name: 'HTTP-redirect fetch' }],
          hops: [carrier[0], ...chain.map(([position]) => position), at],
        },
      ];
    });
  },
};
