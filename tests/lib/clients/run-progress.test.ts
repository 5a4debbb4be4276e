import { progressSentence, runSettled } from '@/lib/clients/run-progress';

describe('a run’s progress', () => {
  test('in words: nothing graded yet, then the counts', () => {
    expect(progressSentence({ follows: 0, differs: 0, fails: 0, pending: 44 })).toBe(
      'No case graded yet: the lab has seen no request for any of the 44 cases.',
    );
    expect(progressSentence({ follows: 30, differs: 4, fails: 2, pending: 8 })).toBe('36 of 44 cases graded: 30 follow the RFCs, 4 differ, 2 fail.');
  });

  test('settled once no case is pending, or once the run has expired; not before', () => {
    const expiresAt = '2026-12-06T16:00:00.000Z';
    const before = Date.parse(expiresAt) - 1;
    expect(runSettled({ expiresAt, summary: { follows: 1, differs: 0, fails: 0, pending: 1 } }, before)).toBe(false);
    expect(runSettled({ expiresAt, summary: { follows: 1, differs: 0, fails: 1, pending: 0 } }, before)).toBe(true);
    expect(runSettled({ expiresAt, summary: { follows: 1, differs: 0, fails: 0, pending: 1 } }, before + 1)).toBe(true);
  });
});
