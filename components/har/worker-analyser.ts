import type { AnalyserEvent, AnalyserFactory } from './protocol';

/** The analyser the page uses: a module Web Worker (Turbopack bundles it from this URL; CSP: script-src 'self'). */
export const workerAnalyser: AnalyserFactory = (onEvent) => {
  const worker = new Worker(new URL('./recording-analysis.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (message: MessageEvent<AnalyserEvent>) => onEvent(message.data));
  // An uncaught error or a crash (a recording too large for the worker's memory) ends the work with no answer.
  worker.addEventListener('error', (error) => {
    error.preventDefault();
    onEvent({ kind: 'failed', message: 'The analysis stopped: the recording may be too large for this browser tab.' });
  });
  return { send: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};
