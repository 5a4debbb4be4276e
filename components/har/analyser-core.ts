import { type SecretVault, analyseRecording } from '@/lib/har';
import type { AnalyserEvent, AnalyserRequest } from './protocol';
import { reportOf } from './report';

// The work of the analyser, whichever thread runs it: read the input, analyse it with progress, keep the vault,
// answer reveals. The worker and the in-thread analyser both drive this one.

/** A Blob's bytes. FileReader rather than Blob.arrayBuffer: jsdom, where the component tests run, has only FileReader. */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(blob);
  });
}

/** Progress is posted when it moves by a hundredth or more: an event per entry of a 20 000-entry HAR would flood the page. */
function throttledProgress(post: (event: AnalyserEvent) => void) {
  let last = '';
  return (phase: AnalyserEvent & { kind: 'progress' }) => {
    const step = `${phase.phase}:${phase.total > 0 ? Math.floor((phase.done / phase.total) * 100) : 0}`;
    if (step === last) return;
    last = step;
    post(phase);
  };
}

export function analyserCore(post: (event: AnalyserEvent) => void) {
  let vault: SecretVault | undefined;
  return async (request: AnalyserRequest): Promise<void> => {
    if (request.kind === 'reveal') {
      post({ kind: 'revealed', id: request.id, value: vault?.reveal(request.id) });
      return;
    }
    const progress = throttledProgress(post);
    let input: string | Uint8Array = typeof request.input === 'string' ? request.input : '';
    if (typeof request.input !== 'string') {
      progress({ kind: 'progress', phase: 'loading', done: 0, total: request.input.size });
      try {
        input = await blobBytes(request.input);
      } catch {
        post({ kind: 'failed', message: 'The file could not be read: it may have been moved, or the browser was not allowed to open it.' });
        return;
      }
    }
    const result = analyseRecording(input, { onProgress: (phase, done, total) => progress({ kind: 'progress', phase, done, total }) });
    vault = result.vault;
    post(result.analysis.kind === 'analysed' ? { kind: 'report', report: reportOf(result.analysis) } : { kind: 'unreadable', unreadable: result.analysis });
  };
}
