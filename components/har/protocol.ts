import type { AnalysisPhase, RecordingAnalysis } from '@/lib/har';
import type { TrafficReport } from './report';

// The messages between the traffic page and the Web Worker that analyses a recording. The worker keeps the
// secret vault: the analysis it posts is redacted, and a secret crosses to the page only as the answer to a
// `reveal` the reader asked for, one value at a time.

/** Page → worker. A File is posted as is (structured clone), so the page never reads a 50 MB file itself. */
export type AnalyserRequest = { kind: 'analyse'; input: Blob | string } | { kind: 'reveal'; id: string };

/** Worker → page. */
export type AnalyserEvent =
  | { kind: 'progress'; phase: AnalysisPhase | 'loading'; done: number; total: number }
  /**
   * The redacted report: conversations and diagnoses, not every exchange of the recording. A 50 MB HAR's
   * 16 000 exchanges would take the page's thread a quarter of a second just to receive (structured clone).
   */
  | { kind: 'report'; report: TrafficReport }
  | { kind: 'unreadable'; unreadable: Extract<RecordingAnalysis, { kind: 'unreadable' }> }
  | { kind: 'revealed'; id: string; value: string | undefined }
  /** The work stopped without an answer: the file could not be read, or the worker ran out of memory. */
  | { kind: 'failed'; message: string };

/** What the page talks to: the worker, or the same work on the page's own thread (tests, the benchmark's baseline). */
export type Analyser = {
  send(request: AnalyserRequest): void;
  /** Stops the work for good: the worker is terminated, and its vault with it. */
  terminate(): void;
};

export type AnalyserFactory = (onEvent: (event: AnalyserEvent) => void) => Analyser;
