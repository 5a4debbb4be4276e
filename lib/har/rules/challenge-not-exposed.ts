import { firstHeader, headerValues } from '@/lib/sandbox/message';
import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { originOf } from '../conversations';
import { isPreflight } from '../relevance';
import { requestLine } from './facts';

// WHATWG Fetch, CORS protocol: a script reading a cross-origin response sees only the CORS-safelisted
// response headers and those Access-Control-Expose-Headers lists. WWW-Authenticate is not safelisted, so a
// 401 whose challenge is not exposed reaches the script without it; without Access-Control-Allow-Origin the
// script gets no response at all, only a network error. `*` exposes every header only to a request without
// credentials (Access-Control-Allow-Credentials: true makes it a literal name).
const FETCH_LIKE = new Set(['fetch', 'xhr', 'xmlhttprequest']);

export const challengeNotExposed: DiagnosisRule = {
  id: 'challenge-not-exposed',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange, origin }]) => {
      const { status, headers } = exchange.response;
      const field = status === 401 ? 'WWW-Authenticate' : undefined;
      // A preflight answered 401 is preflight-needs-auth's: the script never gets that far.
      if (!field || headerValues(headers, field).length === 0 || isPreflight(exchange)) return [];
      const requester = firstHeader(exchange.request.headers, 'Origin');
      if (!requester || requester === 'null' || originOf(requester) === origin) return [];
      // Only a script's request: a navigation or form post shows the response to the user, not to a script.
      const mode = firstHeader(exchange.request.headers, 'Sec-Fetch-Mode');
      if (
        mode !== undefined
          ? mode.toLowerCase() !== 'cors'
          : exchange.meta.resourceType !== undefined && !FETCH_LIKE.has(exchange.meta.resourceType.toLowerCase())
      )
        return [];
      const allowOrigin = firstHeader(headers, 'Access-Control-Allow-Origin');
      const withCredentials = firstHeader(headers, 'Access-Control-Allow-Credentials')?.trim().toLowerCase() === 'true';
      const exposed = headerValues(headers, 'Access-Control-Expose-Headers')
        .flatMap((line) => line.split(','))
        .map((name) => name.trim().toLowerCase());
      if (allowOrigin && (exposed.includes('www-authenticate') || (exposed.includes('*') && !withCredentials))) return [];
      return [
        {
          severity: 'problem' as const,
          title: allowOrigin ? "The page's script could not read the challenge" : "The page's script could not read the 401 at all",
          explanation: allowOrigin
            ? `A script on ${requester} called ${requestLine(exchange)} and got 401 with a WWW-Authenticate challenge, but Access-Control-Expose-Headers ${exposed.length > 0 ? `lists only ${exposed.join(', ')}` : 'is missing'}: the browser hid the challenge from the script, which saw a 401 with no way to tell how to authenticate.`
            : `A script on ${requester} called ${requestLine(exchange)} and got 401, but the response has no Access-Control-Allow-Origin: the browser gave the script a network error instead of the 401, and the challenge with it.`,
          fix: allowOrigin
            ? 'Add `Access-Control-Expose-Headers: WWW-Authenticate` to the 401 (and to every response whose challenge or Authentication-Info the script needs).'
            : `Send CORS headers on error responses too: \`Access-Control-Allow-Origin: ${requester}\` and \`Access-Control-Expose-Headers: WWW-Authenticate\` on the 401.`,
          rfc: ['RFC 9110 §11.6.1', 'RFC 9110 §15.5.2'],
          fetch: [{ anchor: 'http-access-control-expose-headers', name: 'Access-Control-Expose-Headers' }],
          hops: [at],
        },
      ];
    });
  },
};
