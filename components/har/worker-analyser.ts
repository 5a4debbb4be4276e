import type { AnalyserEvent, AnalyserFactory } from './protocol';

/**
 * The analyser the page uses: a Web Worker Turbopack bundles from this URL (CSP: worker-src 'self'). A classic
 * worker: Turbopack's worker entry point loads the bundle's chunks with importScripts, which a module worker
 * does not have.
 */
export const workerAnalyser: AnalyserFactory = (onEvent) => {
  const worker = new Worker(new URL('./recording-analysis.worker.ts', import.meta.url));
  worker.addEventListener('message', (message: MessageEvent<AnalyserEvent>) => onEvent(message.data));
  // An uncaught error or a crash (a recording too large for the worker's memory) ends the work with no answer.
  worker.addEventListener('error', (error) => {
    error.preventDefault();
    onEvent({ kind: 'failed', message: 'The analysis stopped: the recording may be too large for this browser tab.' });
  });
  return { send: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};
