import type { z } from 'zod';
import { newClientState, nextDigestCredentials, nextMove, type ClientState } from './auto-client';
import { clientProfileSchema, type ClientProfile } from '../scenario/client-profile';
import type { Preset } from '../scenario/presets';
import type { exchangeInputSchema, ExchangeStep, MessageView, ResponseView, Transcript } from './input';
import type { SandboxContext } from '../context';
import { withoutHeader, type SandboxRequest, type SandboxResponse } from '../message';
import { rawRequest, rawResponse } from './raw';
import type { SandboxResult, SendRequest } from '../routes/route';
import { describeStep, type Hop, type TraceStep } from '../engine/trace';

// POST /api/exchange: a request description in, the whole conversation out. Only ever calls the
// engine in-process through the same router as the real endpoints: no outbound request, and no target
// outside /api/sandbox/.

const MAX_ATTEMPTS = 5;

function requestView(request: SandboxRequest): MessageView {
  const body = new TextDecoder().decode(request.body);
  return { method: request.method, target: request.target, headers: request.headers, body, raw: rawRequest(request) };
}

function responseView(response: SandboxResponse): ResponseView {
  return { ...response, raw: rawResponse(response) };
}

function respondedBy(trace: TraceStep[]): Hop {
  return trace.some((step) => step.kind === 'hop' && step.hop === 'origin') ? 'origin' : trace.length > 0 ? 'proxy' : 'origin';
}

type SimulatedClient = { preset: Preset | undefined; profile: ClientProfile; state: ClientState };

/** The simulated client: the preset the URL names, what it holds (the input's, else the preset's) and what it has tried so far. */
function simulatedClient(input: z.infer<typeof exchangeInputSchema>, named: SandboxResult['scenario']): SimulatedClient {
  const profile: ClientProfile = input.client ?? named?.preset.client ?? clientProfileSchema.parse({});
  const bearer = named?.scenario.origin.schemes.find((scheme) => scheme.kind === 'bearer');
  return { preset: named?.preset, profile, state: newClientState(bearer?.kind === 'bearer' ? bearer.tokenLifetimeSeconds : undefined) };
}

/** `send` is the router's: every attempt goes to the same target, so the first answer names the scenario for all. */
export async function runExchange(input: z.infer<typeof exchangeInputSchema>, ctx: SandboxContext, send: SendRequest): Promise<Transcript> {
  let client: SimulatedClient | undefined;
  let request: SandboxRequest = {
    method: input.request.method,
    target: input.request.target,
    headers: input.request.headers,
    body: new TextEncoder().encode(input.request.body),
  };
  const steps: ExchangeStep[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const result = await send(request);
    client ??= simulatedClient(input, result.scenario);
    const { profile, state } = client;
    const move =
      input.mode === 'auto' && attempt < MAX_ATTEMPTS
        ? await nextMove(result.response, request, profile, state, ctx)
        : {
            kind: 'stop' as const,
            explanation: input.mode === 'manual' ? 'Manual mode: you decide what to send next.' : `Stopped after ${MAX_ATTEMPTS} attempts.`,
          };
    steps.push({
      request: requestView(request),
      forwarded: result.forwarded ? requestView(result.forwarded) : undefined,
      response: responseView(result.response),
      respondedBy: respondedBy(result.trace),
      trace: result.trace.map((step) => ({ ...step, text: describeStep(step) })),
      next: { kind: move.kind, explanation: move.explanation },
    });
    if (move.kind === 'stop') break;
    request = { ...request, headers: [...withoutHeader(request.headers, move.field), [move.field, move.value]] };
    // The other hop's Digest credentials go again with the same nonce and the next nc.
    const other = move.field === 'Authorization' ? 'Proxy-Authorization' : 'Authorization';
    const again = nextDigestCredentials(other, state, request, ctx);
    if (again !== undefined) request = { ...request, headers: [...withoutHeader(request.headers, other), [other, again]] };
  }
  const preset = client?.preset;
  return { mode: input.mode, preset: preset && { id: preset.id, title: preset.title, summary: preset.summary }, steps };
}
