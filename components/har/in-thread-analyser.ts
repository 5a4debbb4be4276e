import { analyserCore } from './analyser-core';
import type { AnalyserEvent, AnalyserFactory } from './protocol';

/**
 * The same work on the page's own thread, each event delivered in a task of its own as a worker's would be.
 * For the component tests (jsdom has no Worker) and the benchmark's baseline; the page itself uses the worker.
 */
export const inThreadAnalyser: AnalyserFactory = (onEvent) => {
  let stopped = false;
  const deliver = (event: AnalyserEvent) => setTimeout(() => stopped || onEvent(event), 0);
  const handle = analyserCore(deliver);
  return {
    send: (request) => setTimeout(() => stopped || void handle(request), 0),
    terminate: () => {
      stopped = true;
    },
  };
};
