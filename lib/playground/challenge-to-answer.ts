import { parseChallenges } from '@/lib/http-auth';
import { headerValues, type HeaderList } from '@/lib/sandbox/message';
import type { CredentialsField } from './header-fields';

// Which challenge a response asks the reader to answer by hand, and with which header. A 401 carries
// its challenges in WWW-Authenticate and is answered with Authorization (RFC 9110 §15.5.2, §11.6.2);
// a 407 carries them in Proxy-Authenticate and is answered with Proxy-Authorization (§15.5.8,
// §11.7.2). A response never holds both (the proxy answers before the origin is asked).

export type ChallengeToAnswer =
  | {
      kind: 'origin' | 'proxy';
      status: 401 | 407;
      challengeField: 'WWW-Authenticate' | 'Proxy-Authenticate';
      credentialsField: CredentialsField;
      /** The challenge field's values, one per field line, as the credential helpers read them. */
      challenges: string[];
    }
  /**
   * Only NTLM or Negotiate was offered: their CHALLENGE is bound to the connection it came on
   * (MS-NLMP §3.1.5), and each Send of the playground opens a new one, so no header built by hand can answer it.
   */
  | { kind: 'connection-bound'; status: 401 | 407; challengeField: 'WWW-Authenticate' | 'Proxy-Authenticate'; schemes: string[] }
  | { kind: 'nothing-to-answer' };

const CONNECTION_BOUND = new Set(['ntlm', 'negotiate']);

export function challengeToAnswer(response: { status: number; headers: HeaderList }): ChallengeToAnswer {
  switch (response.status) {
    case 401:
      return answerWith('origin', 401, 'WWW-Authenticate', 'Authorization', response.headers);
    case 407:
      return answerWith('proxy', 407, 'Proxy-Authenticate', 'Proxy-Authorization', response.headers);
    default:
      return { kind: 'nothing-to-answer' };
  }
}

function answerWith(
  kind: 'origin' | 'proxy',
  status: 401 | 407,
  challengeField: 'WWW-Authenticate' | 'Proxy-Authenticate',
  credentialsField: CredentialsField,
  headers: HeaderList,
): ChallengeToAnswer {
  const challenges = headerValues(headers, challengeField);
  // A 401 without a challenge breaks RFC 9110 §15.5.2: there is no scheme to answer, so no offer.
  if (challenges.length === 0) return { kind: 'nothing-to-answer' };
  const parsed = parseChallenges(challenges);
  const schemes = parsed.ok ? [...new Set(parsed.value.map((challenge) => challenge.scheme))] : [];
  if (schemes.length > 0 && schemes.every((scheme) => CONNECTION_BOUND.has(scheme.toLowerCase())))
    return { kind: 'connection-bound', status, challengeField, schemes };
  return { kind, status, challengeField, credentialsField, challenges };
}
