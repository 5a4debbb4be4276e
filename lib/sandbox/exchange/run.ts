import type { z } from 'zod';
import { newClientState, nextDigestCredentials, nextMove, type ClientState } from './auto-client';
import { clientProfileSchema, type ClientProfile } from '../scenario/client-profile';
import type { Preset } from '../scenario/presets';
import { DEFAULT_SIGN_IN, type exchangeInputSchema, type ExchangeStep, type Transcript } from './input';
import { runOAuthChain } from './oauth-chain/chain';
import { SANDBOX_HOST } from './raw';
import type { SandboxContext } from '../context';
import { withoutHeader, type SandboxRequest } from '../message';
import { exchangeStep } from './step-view';
import type { SandboxResult, SendRequest } from '../routes/route';

// POST /api/exchange: a request description in, the whole conversation out. Only ever calls the
// engine in-process through the same router as the real endpoints: no outbound request. The first
// target is under /api/sandbox/; in oauth mode the chain then follows the lab's own documents
// (oauth-chain/chain.ts), which may lead under /.well-known/ but never to another origin.

const MAX_ATTEMPTS = 5;

type SimulatedClient = { preset: Preset | undefined; profile: ClientProfile; state: ClientState };

/** The simulated client: the preset the URL names, what it holds (the input's, else the preset's) and what it has tried so far. */
function simulatedClient(input: z.infer<typeof exchangeInputSchema>, named: SandboxResult['scenario']): SimulatedClient {
  const profile: ClientProfile = input.client ?? named?.preset.client ?? clientProfileSchema.parse({});
  const bearer = named?.scenario.origin.schemes.find((scheme) => scheme.kind === 'bearer');
  return { preset: named?.preset, profile, state: newClientState(bearer?.kind === 'bearer' ? bearer.tokenLifetimeSeconds : undefined) };
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
    body: new TextEncoder().encode(input.request.body),
  };
  if (input.mode === 'oauth') {
    return { mode: 'oauth', steps: await runOAuthChain(request, { origin, signIn: input.signIn ?? DEFAULT_SIGN_IN }, ctx, send) };
  }
  let client: SimulatedClient | undefined;
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
    steps.push(exchangeStep(request, result, { kind: move.kind, explanation: move.explanation }));
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
