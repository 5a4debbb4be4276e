import { progressSentence } from '@/lib/clients/run-progress';
import type { ReportState } from './useRunReport';

/** The report's state in one sentence: the text of a polite live region, so it changes (and speaks) only when a count does. */
export function reportStatusSentence(state: ReportState): string {
  switch (state.kind) {
    case 'loading':
      return 'Reading the run…';
    case 'ready':
      if (state.watching) return progressSentence(state.report.summary);
      return `${progressSentence(state.report.summary)} ${state.report.summary.pending === 0 ? 'Every case has a verdict.' : 'The run has expired.'}`;
    case 'gone':
      return `This run is gone: ${state.message}`;
    case 'failed':
      return `The report could not be read: ${state.message}`;
    default: {
      const never: never = state;
      return never;
    }
  }
}
