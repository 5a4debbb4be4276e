import type { DiagnosisRule } from '../diagnosis';
import { numberedHops } from '../diagnosis';
import { challengesOf, getParam, requestLine } from './facts';

// RFC 6750 §3.1: insufficient_scope means the token is valid but does not grant enough, and its status is
// 403; 401 is for a missing or invalid token (invalid_token). RFC 9110 §11.4 says the same of any scheme:
// valid credentials that are not adequate get 403. A 401 makes clients refresh or re-prompt for nothing.
export const insufficientScope401: DiagnosisRule = {
  id: 'insufficient-scope-401',
  diagnose({ conversation }) {
    return numberedHops(conversation).flatMap(([at, { exchange }]) => {
      if (exchange.response.status !== 401) return [];
      const challenge = challengesOf(exchange, 'Bearer').find((c) => getParam(c.params, 'error') === 'insufficient_scope');
      if (!challenge) return [];
      const scope = getParam(challenge.params, 'scope');
      return [
        {
          severity: 'problem' as const,
          title: 'A 401 for a token that lacked permission: insufficient_scope goes with 403',
          explanation: `${requestLine(exchange)} was answered 401 with \`Bearer error="insufficient_scope"\`${scope ? ` (scope needed: ${scope})` : ''}. The server says the token was good but does not grant enough, and that is a 403: a 401 tells the client its token was missing or invalid, so it refreshes the token or asks the user to sign in again, and gets the same answer.`,
          fix: `Answer insufficient_scope with 403 Forbidden (keep the WWW-Authenticate challenge with error and scope). On the client, get a token with the scope the challenge names${scope ? ` (${scope})` : ''} instead of retrying the same one.`,
          rfc: ['RFC 6750 §3.1', 'RFC 9110 §11.4', 'RFC 9110 §15.5.4'],
          hops: [at],
        },
      ];
    });
  },
};
