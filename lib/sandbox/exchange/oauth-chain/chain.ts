// oauth mode of POST /api/exchange: the chain an OAuth (and MCP) client follows from a 401 to a token, hop
// by hop, every request through the router in-process (docs/oauth-server.md). Only the lab's own origin
// is followed: a document naming another origin stops the chain with that reason, never a fetch.
import { newCodeVerifier } from '@/lib/oauth/pkce';
import type { SandboxContext } from '../../context';
import { withoutHeader, type SandboxRequest } from '../../message';
import type { SendRequest } from '../../routes/route';
import type { ExchangeStep, SignIn } from '../input';
import { authorize, register } from './authorization';
import { discover } from './discovery';
import { hostField } from './requests';
import { chainRun } from './run-state';
import { newDpopClient } from './dpop-key';
import { redeemBound } from './dpop-token';
import { redeem } from './token';

export async function runOAuthChain(
  first: SandboxRequest,
  settings: { origin: string; signIn: SignIn },
  ctx: SandboxContext,
  send: SendRequest,
): Promise<ExchangeStep[]> {
  const run = chainRun(settings.origin, send);
  // The Host the reader wrote, if any, is kept: a wrong one shows documents naming another origin.
  const request = first.headers.some(([name]) => name.toLowerCase() === 'host') ? first : { ...first, headers: [hostField(settings.origin), ...first.headers] };
  const server = await discover(run, request);
  if (!server) return run.steps;
  const clientId = await register(run, server);
  if (clientId === undefined) return run.steps;
  // RFC 7636 §4.1: a fresh verifier per authorization request, from the context's randomness.
  const secrets = () => ({ verifier: newCodeVerifier(ctx.random), state: ctx.random(16) });
  const withoutToken = { ...request, headers: withoutHeader(request.headers, 'Authorization') };
  const authorized = await authorize(run, server, clientId, settings.signIn, secrets());
  if (!authorized) return run.steps;
  if (server.binding === 'dpop') {
    // RFC 9449 §5: the key is made before the token request, so the token can be bound to it.
    await redeemBound(run, ctx, await newDpopClient(), server.token, withoutToken, server.resource, authorized);
    return run.steps;
  }
  const stepUp = await redeem(run, server.token, withoutToken, server.resource, authorized);
  if (!stepUp) return run.steps;
  // RFC 9470 §4: a 401 insufficient_user_authentication is followed once, with the acr_values and max_age it named.
  const stronger = await authorize(run, server, clientId, settings.signIn, secrets(), stepUp);
  if (!stronger) return run.steps;
  await redeem(run, server.token, withoutToken, server.resource, stronger, 'done');
  return run.steps;
}
