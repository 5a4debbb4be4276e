import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { originOf } from '../conversations';
import { requestLine, sentJwt, serverSaid } from './facts';

// RFC 7519 §4.1.3 and RFC 8725 §3.9: a token names its audience, and a resource server refuses one meant for
// another. Only an aud that is a URL is compared (an API identifier such as "api://reports" or "reports" says
// nothing about origins), and only when every URL in it is of another origin: no false alarm for a token whose
// audience is this API under another path.
export const wrongAudience: DiagnosisRule = {
  id: 'wrong-audience',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange, origin }]) => {
      const { status } = exchange.response;
      if (status !== 401 && status !== 403) return [];
      const aud = sentJwt(exchange)?.claims.aud;
      const audiences = (Array.isArray(aud) ? aud : [aud]).filter((a): a is string => typeof a === 'string');
      if (audiences.length === 0 || !audiences.every((a) => /^https?:\/\//i.test(a))) return [];
      if (audiences.some((a) => originOf(a) === origin)) return [];
      return [
        {
          severity: 'problem' as const,
          title: 'The token was issued for another audience',
          explanation: `${requestLine(exchange)} sent a JWT whose aud is ${audiences.join(', ')}, not ${origin}, and got ${status}${serverSaid(exchange)}. A resource server must refuse a token meant for someone else, so this token will never work here, however fresh it is.`,
          fix: `Request the token for this API: pass its identifier as the audience or resource parameter when getting the token (RFC 8707), or use the token only with ${audiences.join(', ')}.`,
          rfc: ['RFC 7519 §4.1.3', 'RFC 8725 §3.9', 'RFC 8707 §2'],
          hops: [at],
        },
      ];
    });
  },
};
