import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { answeredAt, inWords, requestLine, sentJwt, serverSaid } from './facts';

/** Clocks of client and server disagree a little; a token this close to exp is not called expired. */
const LEEWAY_MS = 60_000;

// RFC 7519 §4.1.4: a JWT must not be accepted on or after its exp. RFC 6750 §3.1: an expired token gets 401
// with error="invalid_token". The recording says when the server answered (its Date), so the token's age at
// that moment can be told without the token's secret: its claims are shown by redaction.
export const expiredJwt: DiagnosisRule = {
  id: 'expired-jwt',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange }]) => {
      if (exchange.response.status !== 401) return [];
      const exp = sentJwt(exchange)?.claims.exp;
      const now = answeredAt(exchange);
      if (typeof exp !== 'number' || now === undefined || exp * 1000 + LEEWAY_MS > now) return [];
      const by = exchange.response.headers.some(([name]) => name.toLowerCase() === 'date') ? "the response's Date" : 'when the request started';
      return [
        {
          severity: 'problem' as const,
          title: 'The access token had expired',
          explanation: `${requestLine(exchange)} sent a JWT whose exp is ${new Date(exp * 1000).toISOString()}, ${inWords(now - exp * 1000)} before the server answered (by ${by}), and got 401${serverSaid(exchange)}. A server must refuse a token past its exp, so this one could not work whatever else is right about it.`,
          fix: 'Get a new access token (with the refresh token, or by signing in again) when the old one expires, ideally a little before its exp; check that the client and server clocks agree.',
          rfc: ['RFC 7519 §4.1.4', 'RFC 6750 §3.1'],
          hops: [at],
        },
      ];
    });
  },
};
