import type { Conversation } from './conversations';
import type { Diagnosis, DiagnosisRule } from './diagnosis';
import type { RedactedExchange } from './redact';
import { authorizationDroppedOnRedirect } from './rules/authorization-dropped-on-redirect';
import { basicOverHttp } from './rules/basic-over-http';
import { bearerChallengeWithoutParams } from './rules/bearer-challenge-without-params';
import { bearerErrorWithoutToken } from './rules/bearer-error-without-token';
import { bearerOverHttp } from './rules/bearer-over-http';
import { cacheable401 } from './rules/cacheable-401';
import { challengeNotExposed } from './rules/challenge-not-exposed';
import { credentialsRetried } from './rules/credentials-retried';
import { digestAlgorithmUnsupported } from './rules/digest-algorithm-unsupported';
import { digestStaleLoop } from './rules/digest-stale-loop';
import { expiredJwt } from './rules/expired-jwt';
import { forbiddenWithoutCredentials } from './rules/forbidden-without-credentials';
import { insufficientScope401 } from './rules/insufficient-scope-401';
import { noChallenge } from './rules/no-challenge';
import { preflightNeedsAuth } from './rules/preflight-needs-auth';
import { proxyAuthFromOrigin } from './rules/proxy-auth-from-origin';
import { rateLimited } from './rules/rate-limited';
import { sessionExpiredRedirect } from './rules/session-expired-redirect';
import { severalCredentials } from './rules/several-credentials';
import { wrongAudience } from './rules/wrong-audience';

/** Every rule, in the order their findings are listed within a conversation. */
export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  noChallenge,
  forbiddenWithoutCredentials,
  insufficientScope401,
  bearerErrorWithoutToken,
  bearerChallengeWithoutParams,
  expiredJwt,
  wrongAudience,
  credentialsRetried,
  severalCredentials,
  authorizationDroppedOnRedirect,
  sessionExpiredRedirect,
  digestStaleLoop,
  digestAlgorithmUnsupported,
  preflightNeedsAuth,
  challengeNotExposed,
  proxyAuthFromOrigin,
  cacheable401,
  basicOverHttp,
  bearerOverHttp,
  rateLimited,
];

/**
 * Every rule over every conversation: the findings, conversation by conversation, each rule's in the order it
 * found them. Reads only redacted exchanges, so a finding never carries a secret.
 */
export function diagnoseConversations(conversations: readonly Conversation[], exchanges: readonly RedactedExchange[]): Diagnosis[] {
  return conversations.flatMap((conversation) =>
    DIAGNOSIS_RULES.flatMap((rule) => rule.diagnose({ conversation, exchanges }).map((found) => ({ rule: rule.id, conversation: conversation.id, ...found }))),
  );
}
