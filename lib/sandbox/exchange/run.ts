import type { z } from 'zod';
import { newClientState, nextCredentials, nextMove, type ClientState } from './auto-client';
import { SimulatedConnections } from './connections';
import { clientProfileSchema, type ClientProfile } from '../scenario/client-profile';
import type { Preset } from '../scenario/presets';
import { DEFAULT_SIGN_IN, type exchangeInputSchema, type ExchangeStep, type Transcript } from './input';
import { runOAuthChain } from './oauth-chain/chain';
import { SANDBOX_HOST } from './raw';
import type { SandboxContext } from '../context';
import { headerValues, withoutHeader, type SandboxRequest } from '../message';
import { exchangeStep } from './step-view';
import type { SandboxResult, SendRequest } from '../routes/route';

// POST /api/exchange: a request description in, the whole conversation out. Only ever calls the
// engine in-process through the same router as the real endpoints: no outbound request. The first
// target is under /api/sandbox/; in oauth mode the chain then follows the lab's own documents
// (oauth-chain/chain.ts), which may lead under /.well-known/ but never to another origin.

const MAX_ATTEMPTS = 5;

const UTF8 = new TextEncoder();

type SimulatedClient = { preset: Preset | undefined; profile: ClientProfile; state: ClientState };

/** The simulated client: the preset the URL names, what it holds (the input's, else the preset's) and what it has tried so far. */
function simulatedClient(input: z.infer<typeof exchangeInputSchema>, named: SandboxResult['scenario']): SimulatedClient {
  const profile: ClientProfile = input.client ?? named?.preset.client ?? clientProfileSchema.parse({});
  const bearer = named?.scenario.origin.schemes.find((scheme) => scheme.kind === 'bearer');
  return { preset: named?.preset, profile, state: newClientState(bearer?.kind === 'bearer' ? bearer.tokenLifetimeSeconds : undefined) };
}

/** Manual mode stops after one request; a CHALLENGE bound to its connection cannot be answered from the next run. */
function manualNext(trace: SandboxResult['trace']): string {
  const challenge = trace.find((step) => step.kind === 'connection-challenge');
  if (!challenge) return 'Manual mode: you decide what to send next.';
  return `Manual mode: you decide what to send next. Each run here opens a new connection, so this CHALLENGE, bound to connection ${challenge.connection}, cannot be answered by your next request: switch to auto mode to see all three legs on one connection.`;
}

/**
 * `send` is the router's: every attempt goes to the same target, so the first answer names the scenario for all.
 * `origin` is the lab's as the caller reached it (oauth mode follows documents naming it); unset, the
 * configured public origin or the raw view's host.
 */
export async function runExchange(
  input: z.infer<typeof exchangeInputSchema>,
  ctx: SandboxContext,
  send: SendRequest,
  origin: string = ctx.publicOrigin ?? `http://${SANDBOX_HOST}`,
): Promise<Transcript> {
  let request: SandboxRequest = {
    method: input.request.method,
    target: input.request.target,
    headers: input.request.headers,
    body: UTF8.encode(input.request.body),
  };
  if (input.mode === 'oauth') {
    return { mode: 'oauth', steps: await runOAuthChain(request, { origin, signIn: input.signIn ?? DEFAULT_SIGN_IN }, ctx, send) };
  }
  let client: SimulatedClient | undefined;
  const steps: ExchangeStep[] = [];
  // The first request opens connection 1; the profile (known once the URL named a preset) says whether the next ones keep it.
  const connections = new SimulatedConnections();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const used = connections.forRequest(client?.profile.connections ?? 'keep-alive');
    request = { ...request, connection: used.connection };
    const result = await send(request);
    client ??= simulatedClient(input, result.scenario);
    const { profile, state } = client;
    const move =
      input.mode === 'auto' && attempt < MAX_ATTEMPTS
        ? await nextMove(result.response, request, profile, state, ctx)
        : {
            kind: 'stop' as const,
            explanation: input.mode === 'manual' ? manualNext(result.trace) : `Stopped after ${MAX_ATTEMPTS} attempts.`,
          };
    if (move.kind === 'stop') {
      steps.push(exchangeStep(request, result, move, undefined, used.view));
      break;
    }
    let next = { ...request, headers: [...withoutHeader(request.headers, move.field), [move.field, move.value] as [string, string]] };
    // The other hop's credentials: Digest's again with the next nc, a finished NTLM handshake's not at all.
    const other = move.field === 'Authorization' ? 'Proxy-Authorization' : 'Authorization';
    const again = nextCredentials(other, state, next, ctx);
    if (again !== undefined)
      next = { ...next, headers: [...withoutHeader(next.headers, other), ...(again === null ? [] : [[other, again] as [string, string]])] };
    const dropped =
      again === null && headerValues(request.headers, other).length > 0 ? ` ${other} is left out: its handshake already authenticated this connection.` : '';
    steps.push(exchangeStep(request, result, { kind: move.kind, explanation: `${move.explanation}${dropped}` }, undefined, used.view));
    request = next;
  }
  const preset = client?.preset;
  return { mode: input.mode, preset: preset && { id: preset.id, title: preset.title, summary: preset.summary }, steps };
}
