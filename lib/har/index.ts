// Public API of lib/har: reading recorded traffic (HAR 1.2, curl -v), redacting it, and grouping the auth
// exchanges into conversations the playground's views can draw. Pure: no Node, React or Next imports, so it
// runs in a page and in a Web Worker. The page imports only from here.
export type {
  HeaderList,
  ReadWarning,
  RecordedBody,
  RecordedExchange,
  RecordedMeta,
  RecordedRequest,
  RecordedResponse,
  RecordingRead,
  RecordingSource,
} from './exchange';
export { type HarReadOptions, parseHar } from './parse-har';
export { parseCurlVerbose } from './curl-verbose';
export { readRecording } from './read-recording';
export { type RedactOptions, type RedactedExchange, type RedactedRecording, type Redaction, redactExchange, redactRecording } from './redact';
export { MIN_SWEPT_LENGTH, type SecretId, SecretVault, placeholderIds } from './secret-vault';
export { type JwtShape, type SecretShape, credentialsShape, jwtShape } from './secret-shape';
export { isSecretHeader, isSecretName } from './secret-names';
export { type Conversation, type ConversationHop, DEFAULT_GAP_MS, type GroupOptions, groupConversations, originOf } from './conversations';
export { type RelevanceReason, isPreflight, ownReasons } from './relevance';
export { conversationTranscript } from './transcript';
export { type AnalyseOptions, type AnalysisPhase, type RecordingAnalysis, analyseRecording } from './analyse';
export { type Diagnosis, type DiagnosisRule, type DiagnosisSeverity, type FetchCitation, type RuleFinding, type RuleInput } from './diagnosis';
export { DIAGNOSIS_RULES, diagnoseConversations } from './diagnose';
