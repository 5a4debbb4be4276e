import type { DiagnosisRule, RuleFinding } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { challengesOf, getParam, requestLine, sentDigestParams } from './facts';

// RFC 7616 §3.3: a challenge names its algorithm (MD5 when it names none); a client answers one it offered,
// and ignores a challenge whose algorithm it cannot do. RFC 7616 §3.4: with qop in the challenge the answer
// carries qop, nc and cnonce; an answer without them is RFC 2069's form, which RFC 2617 kept only for old
// servers (§3.2.2). A client that can do none of the offered algorithms sends nothing at all.
const algorithmOf = (params: Record<string, string>): string => (getParam(params, 'algorithm') ?? 'MD5').toUpperCase();

export const digestAlgorithmUnsupported: DiagnosisRule = {
  id: 'digest-algorithm-unsupported',
  diagnose({ conversation }) {
    const hops = numberedHops(conversation);
    return hops.flatMap(([at, { exchange }]): RuleFinding[] => {
      if (exchange.response.status !== 401) return [];
      const offered = challengesOf(exchange, 'Digest');
      if (offered.length === 0) return [];
      const algorithms = [...new Set(offered.map((c) => algorithmOf(c.params)))];
      const withQop = offered.some((c) => getParam(c.params, 'qop') !== undefined);
      // The client's next request to the same URL: what it did with the challenge.
      const next = hops.find(([after, hop]) => after > at && hop.exchange.request.url === exchange.request.url);
      const answer = next ? sentDigestParams(next[1].exchange) : undefined;
      const offeredText = algorithms.join(', ');
      if (answer && next) {
        const used = algorithmOf(answer);
        const legacy = withQop && getParam(answer, 'qop') === undefined;
        if (algorithms.includes(used) && !legacy) return [];
        return [
          {
            severity: 'problem' as const,
            title: legacy ? 'The client answered Digest in the old RFC 2069 form' : `The client answered Digest with ${used}, which the server did not offer`,
            explanation: legacy
              ? `The challenge to ${requestLine(exchange)} asked for qop, and the client's answer has no qop, nc or cnonce: the RFC 2069 form, which a server following RFC 7616 refuses.`
              : `The challenge to ${requestLine(exchange)} offered ${offeredText}, and the client's answer used ${used}${getParam(answer, 'algorithm') === undefined ? ' (no algorithm parameter means MD5)' : ''}: the server cannot check a response computed with an algorithm it did not ask for.`,
            fix: legacy
              ? 'Use a client that implements RFC 7616 (qop=auth with nc and cnonce), or, if the server must serve it, have it accept answers without qop only for that client.'
              : `Have the client answer with one of ${offeredText}, the strongest it can do; if it can only do MD5, the server must offer MD5 too, listed after SHA-256.`,
            rfc: ['RFC 7616 §3.3', 'RFC 7616 §3.4', ...(legacy ? ['RFC 2617 §3.2.2'] : ['RFC 7616 §3.7'])],
            hops: [at, next[0]],
          },
        ];
      }
      // Nothing answered the challenge, before or after. Only when no challenge offered MD5, the one every Digest client does.
      if (next && next[1].exchange.request.headers.some(([name]) => name.toLowerCase() === 'authorization')) return [];
      if (hops.some(([, hop]) => hop.exchange.request.url === exchange.request.url && sentDigestParams(hop.exchange))) return [];
      if (algorithms.some((a) => a === 'MD5' || a === 'MD5-SESS')) return [];
      return [
        {
          severity: 'warning' as const,
          title: 'The Digest challenge offered only algorithms the client may not do',
          explanation: `The challenge to ${requestLine(exchange)} offered only ${offeredText}, and the client did not answer it${next ? ` (its next request, hop ${next[0] + 1}, carried no Authorization)` : ''}. Many Digest clients implement only MD5, and a client ignores a challenge whose algorithm it cannot do.`,
          fix: `Check which algorithms the client implements. If it is MD5 only, offer MD5 as well, in a second challenge after ${offeredText} (the client takes the strongest it can do), or move to Basic over HTTPS.`,
          rfc: ['RFC 7616 §3.3', 'RFC 7616 §3.7'],
          hops: next ? [at, next[0]] : [at],
        },
      ];
    });
  },
};
