import { firstHeader } from '@/lib/sandbox/message';
import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { originOf } from '../conversations';
import { requestHas, requestLine } from './facts';

// Cookie sessions are outside HTTP authentication (RFC 9110 §11.4, end): when the session cookie expires
// (RFC 6265 §4.1.2.1, §4.1.2.2) or is refused, the server redirects to its sign-in page rather than answering
// 401. A script's fetch follows the redirect and gets the sign-in page's 200 HTML where it expected data.
export const sessionExpiredRedirect: DiagnosisRule = {
  id: 'session-expired-redirect',
  diagnose({ conversation, exchanges }) {
    return numberedHops(conversation).flatMap(([at, hop]) => {
      const { exchange } = hop;
      if (!hop.reasons.includes('sign-in-redirect')) return [];
      // The signed-in request is rarely auth-relevant on its own (a 200 with a cookie): look in the whole recording.
      const signedIn = exchanges.find(
        (earlier) =>
          earlier.index < exchange.index &&
          originOf(earlier.request.url) === hop.origin &&
          requestHas(earlier, 'Cookie') &&
          earlier.response.status >= 200 &&
          earlier.response.status < 300,
      );
      if (!signedIn) return [];
      const location = exchange.response.redirectUrl ?? firstHeader(exchange.response.headers, 'Location') ?? '';
      return [
        {
          severity: 'problem' as const,
          title: 'The session expired into a redirect to the sign-in page, not a 401',
          explanation: `${requestLine(signedIn)} succeeded with a cookie (request ${signedIn.index + 1} of the recording); later ${requestLine(exchange)} ${
            requestHas(exchange, 'Cookie') ? 'sent a cookie too' : 'sent no cookie'
          } and was redirected (${exchange.response.status}) to ${location}. The session cookie had expired or was no longer accepted. There is no 401 to find here: cookie sessions live outside HTTP authentication, and a script that follows the redirect gets the sign-in page instead of its data.`,
          fix: 'For API calls (fetch, XHR; Accept: application/json), answer an expired session with 401 (or 403) and let the page send the user to sign in; keep the redirect for page navigations. Check the cookie’s Expires or Max-Age against the session’s length on the server.',
          rfc: ['RFC 9110 §11.4', 'RFC 6265 §4.1.2.2', 'RFC 9110 §15.5.2'],
          hops: [at],
        },
      ];
    });
  },
};
