import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { challengesOf, getParam, sentDigestParams } from './facts';

/** One stale=true is the protocol working (a nonce aged out); this many in one conversation is a loop. */
const LOOP = 2;

// RFC 7616 §3.3: stale=true says the request was refused because its nonce was stale, so the client retries
// with the new nonce without asking the user (that the response was otherwise right is RFC 2617 §3.2.1's
// promise, which RFC 7616 dropped). When every retry is answered stale again, the nonce the client
// uses is never accepted: servers behind a load balancer that do not share nonces, a nonce lifetime shorter
// than a round trip, or a client that keeps sending the old nonce.
export const digestStaleLoop: DiagnosisRule = {
  id: 'digest-stale-loop',
  diagnose({ conversation }) {
    const stale = numberedHops(conversation).filter(([, { exchange }]) => {
      if (exchange.response.status !== 401 && exchange.response.status !== 407) return false;
      const field = exchange.response.status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate';
      return (
        sentDigestParams(exchange) !== undefined && challengesOf(exchange, 'Digest', field).some((c) => getParam(c.params, 'stale')?.toLowerCase() === 'true')
      );
    });
    if (stale.length < LOOP) return [];
    const nonces = stale.map(([, { exchange }]) => sentDigestParams(exchange)?.nonce);
    const sameNonce = nonces.every((n) => n !== undefined && n === nonces[0]);
    return [
      {
        severity: 'problem' as const,
        title: 'A Digest stale-nonce loop',
        explanation: `${stale.length} Digest answers in this conversation were refused with stale=true, each time after the client retried. ${
          sameNonce
            ? 'The client sent the same nonce every time, so it never took the new one from the challenge.'
            : 'The client did take each new nonce, and the server still called it stale: the nonces expire faster than a round trip, or another server behind the same name issued them.'
        }`,
        fix: sameNonce
          ? 'Have the client use the nonce of the latest challenge (and restart nc at 00000001 for it).'
          : 'Make nonces last longer than a round trip, keep server clocks in sync, and let every server behind a load balancer accept the nonces the others issue (a shared secret, or sticky sessions).',
        rfc: ['RFC 7616 §3.3', 'RFC 7616 §3.4', 'RFC 7616 §5.5'],
        hops: stale.map(([at]) => at),
      },
    ];
  },
};
