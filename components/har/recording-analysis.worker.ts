import './zod-jitless';
import { analyserCore } from './analyser-core';
import type { AnalyserEvent, AnalyserRequest } from './protocol';

// The Web Worker of the traffic page: a 50 MB HAR is parsed and redacted here, off the page's thread, and the
// secret vault never leaves this thread. Cancelling is the page terminating it.

// Typed by hand: the project compiles against the DOM library, whose `self` is a Window.
const scope = self as unknown as {
  postMessage(event: AnalyserEvent): void;
  addEventListener(type: 'message', listener: (message: MessageEvent<AnalyserRequest>) => void): void;
};
const handle = analyserCore((event: AnalyserEvent) => scope.postMessage(event));

scope.addEventListener('message', (message: MessageEvent<AnalyserRequest>) => {
  void handle(message.data);
});
