import type { Conversation } from './conversations';
import type { Diagnosis, DiagnosisRule } from './diagnosis';
import type { RedactedExchange } from './redact';
import { noChallenge } from './rules/no-challenge';
import { rateLimited } from './rules/rate-limited';

/** Every rule, in the order their findings are listed within a conversation. */
export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [noChallenge, rateLimited];

/**
 * Every rule over every conversation: the findings, conversation by conversation, each rule's in the order it
 * found them. Reads only redacted exchanges, so a finding never carries a secret.
 */
export function diagnoseConversations(conversations: readonly Conversation[], exchanges: readonly RedactedExchange[]): Diagnosis[] {
  return conversations.flatMap((conversation) =>
    DIAGNOSIS_RULES.flatMap((rule) => rule.diagnose({ conversation, exchanges }).map((found) => ({ rule: rule.id, conversation: conversation.id, ...found }))),
  );
}
