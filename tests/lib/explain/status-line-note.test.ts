import { explainResponse } from '@/lib/explain';

// The Explain tool's help says a single header line is a fine paste: it gets no "No status line"
// finding, and no next-step note that opens with one. Several lines without a status line do.
describe('the note about a missing status line', () => {
  it.each([
    ['one WWW-Authenticate line', 'WWW-Authenticate: Digest realm="reports", nonce="abc", qop="auth"', false],
    ['one Proxy-Authenticate line', 'Proxy-Authenticate: Basic realm="proxy"', false],
    ['two header lines', 'WWW-Authenticate: Basic realm="reports"\nCache-Control: no-store', true],
  ])('%s', (_name, paste, noted) => {
    const explanation = explainResponse(paste);
    expect(explanation.findings.some((f) => f.code === 'no-status-line')).toBe(noted);
    expect(explanation.nextStep.notes.some((note) => note.startsWith('No status line'))).toBe(false);
    expect(explanation.nextStep.kind).toBe('answer-challenge');
  });
});
