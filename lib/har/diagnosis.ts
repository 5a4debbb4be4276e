import type { Conversation, ConversationHop } from './conversations';
import type { RedactedExchange } from './redact';

// What a diagnosis of recorded traffic says: which rule fired, on which hops of which conversation, what went
// wrong, what to do, and the RFC sections that decide it. Plain data, so a Web Worker can post it whole.

/** `problem`: the exchange broke a rule or failed for a fixable reason. `warning`: it worked, but unsafely or by luck. */
export type DiagnosisSeverity = 'problem' | 'warning';

export type Diagnosis = {
  /** The rule's id, kebab-case, stable: tests, the report and share links name rules by it. */
  rule: string;
  severity: DiagnosisSeverity;
  /** What went wrong, in one sentence a reader recognises from their own traffic. */
  title: string;
  /** Why, with the facts of this recording (status, header, origin), never a secret: only redacted values. */
  explanation: string;
  /** What to do about it. */
  fix: string;
  /** The sections that decide it, each as "RFC 9110 §11.6.1" (the form lib/explain's findings cite). */
  rfc: string[];
  /**
   * Where a browser, not an RFC, sets the rule: steps of the WHATWG Fetch standard by anchor
   * (https://fetch.spec.whatwg.org/#anchor), as the troubleshooter cites them.
   */
  fetch?: FetchCitation[];
  /** The conversation's id (Conversation.id). */
  conversation: number;
  /** Positions in that conversation's hops, from 0, that show the problem. */
  hops: number[];
};

/** A step of the WHATWG Fetch standard: its anchor and its name ("http-redirect-fetch", "HTTP-redirect fetch"). */
export type FetchCitation = { anchor: string; name: string };

/** What a rule sees: one conversation, and the whole recording for context (a preflight, an earlier login). */
export type RuleInput = { conversation: Conversation; exchanges: readonly RedactedExchange[] };

/** What a rule finds: a diagnosis before diagnoseConversations names the rule and the conversation. */
export type RuleFinding = Omit<Diagnosis, 'rule' | 'conversation'>;

/** One rule: its id, and the findings it makes in a conversation (none when the conversation is clean). */
export type DiagnosisRule = {
  id: string;
  diagnose(input: RuleInput): RuleFinding[];
};

/** The hops of a conversation with their positions, for rules that look for a pattern. */
export const numberedHops = (conversation: Conversation): [number, ConversationHop][] => conversation.hops.map((hop, at) => [at, hop]);
