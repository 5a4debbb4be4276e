import type { SandboxRequest, SandboxResponse } from '../message';
import type { SandboxResult } from '../routes/route';
import { describeStep, type Hop, type TraceStep } from '../engine/trace';
import type { ChainHop, ConnectionView, ExchangeStep, MessageView, ResponseView } from './input';
import { bodyText, rawRequest, rawResponse } from './raw';

// One attempt of a conversation as the transcript shows it: both messages as parsed fields and as raw
// HTTP/1.1, who answered, the engine's trace in words, and what the client does next. Auto mode and the
// OAuth chain build their steps alike.

function requestView(request: SandboxRequest): MessageView {
  const body = bodyText(request.body);
  return { method: request.method, target: request.target, headers: request.headers, body, raw: rawRequest(request, undefined, body) };
}

// Object.assign, not spread: trace steps come in many shapes, and V8 copies them by spread some 2.5 times
// slower (a megamorphic clone) on the exchange's hot path (issue 23). Same keys, same order.
function responseView(response: SandboxResponse): ResponseView {
  return Object.assign({}, response, { raw: rawResponse(response) });
}

function traceView(step: TraceStep): TraceStep & { text: string } {
  return Object.assign({}, step, { text: describeStep(step) });
}

function respondedBy(trace: TraceStep[]): Hop {
  return trace.some((step) => step.kind === 'hop' && step.hop === 'origin') ? 'origin' : trace.length > 0 ? 'proxy' : 'origin';
}

export function exchangeStep(
  request: SandboxRequest,
  result: SandboxResult,
  next: ExchangeStep['next'],
  chain?: ChainHop,
  connection?: ConnectionView,
): ExchangeStep {
  return {
    request: requestView(request),
    forwarded: result.forwarded ? requestView(result.forwarded) : undefined,
    response: responseView(result.response),
    respondedBy: respondedBy(result.trace),
    trace: result.trace.map(traceView),
    ...(connection ? { connection } : {}),
    ...(chain ? { chain } : {}),
    next,
  };
}
