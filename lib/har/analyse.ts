import { type Conversation, type GroupOptions, groupConversations } from './conversations';
import type { ReadWarning, RecordingRead, RecordingSource } from './exchange';
import { readRecording } from './read-recording';
import { type RedactedExchange, redactRecording } from './redact';
import { SecretVault } from './secret-vault';
import { diagnoseConversations } from './diagnose';
import type { Diagnosis } from './diagnosis';

// What the troubleshooting page's Web Worker runs on a dropped file or a paste: read, redact, group, in that
// order, with progress. The analysis is plain data the worker may post to the page; the vault stays in the
// worker and answers "reveal #3" messages, so no secret crosses to the page unless the reader asks.

export type AnalysisPhase = 'reading' | 'redacting';

export type AnalyseOptions = GroupOptions & {
  onProgress?: (phase: AnalysisPhase, done: number, total: number) => void;
};

export type RecordingAnalysis =
  | {
      kind: 'analysed';
      source: RecordingSource;
      warnings: ReadWarning[];
      /** Every exchange of the recording, redacted, in the order recorded. */
      exchanges: RedactedExchange[];
      /** The auth-relevant ones, grouped. */
      conversations: Conversation[];
      /** What went wrong in them, rule by rule (lib/har/diagnose.ts). */
      diagnoses: Diagnosis[];
    }
  | Extract<RecordingRead, { kind: 'unreadable' }>;

/** Reads, redacts and groups a recording. Never throws. The vault is for `reveal`; keep it where the analysis ran. */
export function analyseRecording(input: string | Uint8Array, options: AnalyseOptions = {}): { analysis: RecordingAnalysis; vault: SecretVault } {
  const vault = new SecretVault();
  const { onProgress } = options;
  const read = readRecording(input, onProgress ? { onProgress: (done, total) => onProgress('reading', done, total) } : {});
  if (read.kind === 'unreadable') return { analysis: read, vault };
  const { exchanges } = redactRecording(read, vault, onProgress ? (done, total) => onProgress('redacting', done, total) : undefined);
  const conversations = groupConversations(exchanges, options.gapMs === undefined ? {} : { gapMs: options.gapMs });
  const diagnoses = diagnoseConversations(conversations, exchanges);
  return { analysis: { kind: 'analysed', source: read.source, warnings: read.warnings, exchanges, conversations, diagnoses }, vault };
}
