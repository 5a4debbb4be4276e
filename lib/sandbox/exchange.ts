import { z } from 'zod';
import { newClientState, nextDigestCredentials, nextMove } from './auto-client';
import { clientProfileSchema, type ClientProfile } from './client-profile';
import type { SandboxContext } from './context';
import { withoutHeader, type HeaderList, type SandboxRequest, type SandboxResponse } from './message';
import { rawRequest, rawResponse } from './raw';
import { resolveScenario, routeSandboxRequest, SANDBOX_PREFIX } from './router';
import { describeStep, type Hop, type TraceStep } from './trace';

// POST /api/exchange: a request description in, the whole conversation out. Only ever calls the
// engine in-process through the same router as the real endpoints: no outbound request, and no target
// outside /api/sandbox/.

const MAX_ATTEMPTS = 5;

/** RFC 9110 §5.1 field-name = token; §5.5 field-value: no CR, LF or NUL, so nothing can be injected. */
const headerName = z.string().min(1).max(64).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP token');
const headerValue = z.string().max(8192).regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'must not contain CR, LF or other control characters');

export const exchangeInputSchema = z.object({
  request: z.object({
    method: z.string().regex(/^[A-Z]{1,16}$/, 'must be an upper-case method such as GET'),
    target: z
      .string()
      .max(2048)
      .regex(/^\/[\x21-\x7e]*$/, 'must be a path with an optional query, no spaces')
      .refine((target) => target.startsWith(`${SANDBOX_PREFIX}/`), `must start with ${SANDBOX_PREFIX}/ (the playground only talks to the sandbox)`),
    headers: z.array(z.tuple([headerName, headerValue])).max(50).default([]),
    body: z.string().max(65_536).default(''),
  }),
  mode: z.enum(['manual', 'auto']).default('manual'),
  /** What the client holds in auto mode; defaults to the preset's. */
  client: clientProfileSchema.optional(),
});
export type ExchangeInput = z.input<typeof exchangeInputSchema>;

export type MessageView = { method: string; target: string; headers: HeaderList; body: string; raw: string };
export type ResponseView = { status: number; headers: HeaderList; body: string; raw: string };
export type ExchangeStep = {
  request: MessageView;
  /** What the proxy forwarded to the origin, when the request got past the proxy. */
  forwarded?: MessageView;
  response: ResponseView;
  respondedBy: Hop;
  trace: (TraceStep & { text: string })[];
  /** What the client does next, and why. */
  next: { kind: 'retry' | 'stop'; explanation: string };
};
export type Transcript = { mode: 'manual' | 'auto'; preset?: { id: string; title: string; summary: string }; steps: ExchangeStep[] };

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

export async function runExchange(input: z.infer<typeof exchangeInputSchema>, ctx: SandboxContext): Promise<Transcript> {
  const lookup = resolveScenario(input.request.target);
  const preset = lookup.kind === 'scenario' ? lookup.preset : undefined;
  const profile: ClientProfile = input.client ?? preset?.client ?? clientProfileSchema.parse({});
  const bearer = lookup.kind === 'scenario' ? lookup.scenario.origin.schemes.find((scheme) => scheme.kind === 'bearer') : undefined;
  const state = newClientState(bearer?.kind === 'bearer' ? bearer.tokenLifetimeSeconds : undefined);
  let request: SandboxRequest = {
    method: input.request.method,
    target: input.request.target,
    headers: input.request.headers,
    body: new TextEncoder().encode(input.request.body),
  };
  const steps: ExchangeStep[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const result = await routeSandboxRequest(request, ctx);
    const move =
      input.mode === 'auto' && attempt < MAX_ATTEMPTS
        ? await nextMove(result.response, request, profile, state, ctx)
        : { kind: 'stop' as const, explanation: input.mode === 'manual' ? 'Manual mode: you decide what to send next.' : `Stopped after ${MAX_ATTEMPTS} attempts.` };
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
  return { mode: input.mode, preset: preset && { id: preset.id, title: preset.title, summary: preset.summary }, steps };
}
