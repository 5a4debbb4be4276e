// Hops 7 and 8: the code and its verifier for an access token bound to the resource (RFC 6749 §4.1.3,
// RFC 7636 §4.5, RFC 8707 §2.2), then the first request again with the token (RFC 6750 §2.1).
import type { SandboxRequest, SandboxResponse } from '../../message';
import { withoutHeader } from '../../message';
import { PLAYGROUND_REDIRECT_URI, type Authorized, type StepUpRequest } from './authorization';
import { formBody, postRequest } from './requests';
import { follow, jsonBody, stop, type ChainRun, type Verdict } from './run-state';
import { readStepUpChallenge, stepUpExplanation } from './step-up';

/** Hop 7's answer: RFC 6749 §5.1's access_token and token_type, or §5.2's error. */
export function readTokenAnswer(response: SandboxResponse): Verdict<string> {
  const body = jsonBody(response) as { access_token?: unknown; token_type?: unknown; error?: unknown; error_description?: unknown } | undefined;
  if (response.status !== 200 || typeof body?.access_token !== 'string') {
    const why = typeof body?.error === 'string' ? `${body.error}: ${String(body.error_description ?? '')}` : 'no access_token';
    return stop(`${response.status}: the token endpoint refused the code (${why}; RFC 6749 §5.2).`);
  }
  if (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer')
    return stop(`The token_type is ${String(body.token_type)}, not Bearer: this client only knows how to send Bearer tokens (RFC 6749 §7.1).`);
  return follow(
    body.access_token,
    'The server checked the code_verifier against the challenge (RFC 7636 §4.6) and issued an access token whose aud is the resource asked for (RFC 8707 §2.2, RFC 9068 §3). The client sends the first request again with it in Authorization (RFC 6750 §2.1).',
  );
}

/**
 * Hop 8's answer: the resource with the token. A step-up challenge (RFC 9470 §3) is followed once, when
 * `stepUp` is 'may-follow'; after the stronger sign-in the same refusal stops the chain, since a client does not loop.
 */
export function readResourceAnswer(response: SandboxResponse, stepUp: 'may-follow' | 'done' = 'may-follow'): Verdict<StepUpRequest> {
  if (response.status >= 200 && response.status < 300)
    return stop(
      `${response.status}: the resource checked the token’s signature, issuer, audience and expiry${stepUp === 'done' ? ', and its acr and auth_time (RFC 9470 §3),' : ''} and took it (RFC 9068 §4, RFC 6750 §2.1). Every hop, from the 401 to here, went through the lab; the chain is complete.`,
    );
  const asked = readStepUpChallenge(response);
  if (asked && stepUp === 'may-follow') return follow(asked, stepUpExplanation(asked));
  if (asked)
    return stop(
      `${response.status}: the resource still wants a stronger sign-in after the step-up. A client would not loop; it stops and says why (RFC 9470 §4).`,
    );
  return stop(`${response.status}: the resource refused the token it asked for. A client would not loop; it stops and says why (RFC 6750 §3.1).`);
}

/** Hops 7 and 8; returns the step-up the resource asked for, if it asked and `stepUp` allows following it. */
export async function redeem(
  run: ChainRun,
  tokenTarget: string,
  first: SandboxRequest,
  resource: string,
  authorized: Authorized,
  stepUp: 'may-follow' | 'done' = 'may-follow',
): Promise<StepUpRequest | undefined> {
  const form = formBody([
    ['grant_type', 'authorization_code'],
    ['code', authorized.code],
    ['redirect_uri', PLAYGROUND_REDIRECT_URI],
    ['client_id', authorized.clientId],
    ['code_verifier', authorized.verifier],
    ['resource', resource],
  ]);
  const token = await run.hop(
    postRequest(run.origin, tokenTarget, 'application/x-www-form-urlencoded', form),
    {
      sender: 'client',
      receiver: 'authorization-server',
      title: 'Token request with code_verifier and resource (RFC 7636 §4.5, RFC 8707 §2)',
      label: 'POST token',
    },
    readTokenAnswer,
  );
  if (token === undefined) return undefined;
  const again: SandboxRequest = { ...first, headers: [...withoutHeader(first.headers, 'Authorization'), ['Authorization', `Bearer ${token}`]] };
  return run.hop(
    again,
    {
      sender: 'client',
      receiver: 'resource-server',
      title: stepUp === 'done' ? 'The request again, with the stepped-up token' : 'The request again, with the token',
      label: `${first.method} + Bearer token`,
    },
    (response) => readResourceAnswer(response, stepUp),
  );
}
