'use client';

import { TrafficAnalyser } from './TrafficAnalyser';
import { workerAnalyser } from './worker-analyser';

/** The traffic page's analyser, with the work in a Web Worker (a function cannot cross from the server page). */
export function TrafficAnalyserInWorker() {
  return <TrafficAnalyser createAnalyser={workerAnalyser} />;
}
