import type { SandboxRequest, SandboxResponse } from '../../message';
import type { SendRequest } from '../../routes/route';
import type { ChainHop, ExchangeStep } from '../input';
import { exchangeStep } from '../step-view';

// The chain's running record: every hop is sent through the router, judged, and written down as a step
// whose `next` says why the client goes on (follow) or stops. A hop's judge returns what the next hop
// needs, or a reason to stop; the chain never loops: eight steps, or twelve when a step-up
// challenge (RFC 9470 §3) sends it through the authorization endpoint once more.

export type Verdict<T> = { kind: 'follow'; value: T; explanation: string } | { kind: 'stop'; explanation: string };

export const follow = <T>(value: T, explanation: string): Verdict<T> => ({ kind: 'follow', value, explanation });
export const stop = (explanation: string): Verdict<never> => ({ kind: 'stop', explanation });

export type ChainRun = {
  steps: ExchangeStep[];
  /** The lab's origin, e.g. http://localhost:3000: every document must name it, and every request goes to it. */
  origin: string;
  hop<T>(request: SandboxRequest, chain: ChainHop, judge: (response: SandboxResponse) => Verdict<T>): Promise<T | undefined>;
};

export function chainRun(origin: string, send: SendRequest): ChainRun {
  const steps: ExchangeStep[] = [];
  return {
    steps,
    origin,
    async hop(request, chain, judge) {
      const result = await send(request);
      const verdict = judge(result.response);
      steps.push(exchangeStep(request, result, { kind: verdict.kind, explanation: verdict.explanation }, chain));
      return verdict.kind === 'follow' ? verdict.value : undefined;
    },
  };
}

/** The JSON body of an answer, or undefined when it is not JSON. */
export function jsonBody(response: SandboxResponse): unknown {
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    return undefined;
  }
}
