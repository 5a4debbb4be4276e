// Hops 7 to 10 for a resource that takes DPoP-bound tokens only (RFC 9449): the token request with a proof,
// the token endpoint's nonce round trip (§8), a token bound to the key (§5, §6), then the resource with a
// proof carrying ath (§7.1) and the resource's own nonce round trip (§9). Each nonce is followed once.
import type { SandboxContext } from '../../context';
import { withoutHeader, type SandboxRequest, type SandboxResponse } from '../../message';
import { PLAYGROUND_REDIRECT_URI, type Authorized } from './authorization';
import { describeProof, nonceAskedFor, proofFor, type DpopClient } from './dpop-key';
import { formBody, postRequest } from './requests';
import { follow, jsonBody, stop, type ChainRun, type Verdict } from './run-state';

type Attempt = { kind: 'nonce'; nonce: string } | { kind: 'token'; token: string };

/** The token endpoint's answer to a request with a proof: a nonce to retry with (first try only), or a DPoP token. */
export function readBoundTokenAnswer(response: SandboxResponse, proof: string, client: DpopClient, mayRetry: boolean): Verdict<Attempt> {
  const sent = describeProof(proof, client.thumbprint);
  const nonce = nonceAskedFor(response, 'token');
  if (nonce !== undefined && mayRetry)
    return follow(
      { kind: 'nonce', nonce },
      `${sent} 400 use_dpop_nonce: the token endpoint wants a proof carrying a nonce it chose, sent in DPoP-Nonce (RFC 9449 §8). The client signs a new proof with nonce="${nonce}" and a new jti and sends the same token request again.`,
    );
  const body = jsonBody(response) as { access_token?: unknown; token_type?: unknown; error?: unknown; error_description?: unknown } | undefined;
  if (response.status !== 200 || typeof body?.access_token !== 'string') {
    const why = typeof body?.error === 'string' ? `${body.error}: ${String(body.error_description ?? '')}` : 'no access_token';
    return stop(`${sent} ${response.status}: the token endpoint refused (${why}; RFC 9449 §5, RFC 6749 §5.2).`);
  }
  if (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'dpop')
    return stop(
      `${sent} The token_type is ${String(body.token_type)}, not DPoP: the token is not bound to the key, and this resource takes bound tokens only (RFC 9449 §5).`,
    );
  return follow(
    { kind: 'token', token: body.access_token },
    `${sent} 200 with token_type DPoP: the token is bound to the key whose thumbprint is ${client.thumbprint} (its cnf.jkt, RFC 9449 §5 and §6). The client sends it as Authorization: DPoP, with a new proof for that request whose ath is the token’s hash (RFC 9449 §7.1).`,
  );
}

/** The resource's answer to a bound token and its proof: its nonce to retry with (first try only), or the end. */
export function readBoundResourceAnswer(response: SandboxResponse, proof: string, client: DpopClient, mayRetry: boolean): Verdict<string> {
  const sent = describeProof(proof, client.thumbprint);
  const nonce = nonceAskedFor(response, 'resource');
  if (nonce !== undefined && mayRetry)
    return follow(
      nonce,
      `${sent} 401 with WWW-Authenticate: DPoP error="use_dpop_nonce" and a DPoP-Nonce: the resource wants its own nonce in the proof (RFC 9449 §9), not the token endpoint’s. The client signs a new proof with nonce="${nonce}" and sends the request again.`,
    );
  if (response.status >= 200 && response.status < 300)
    return stop(
      `${sent} ${response.status}: the resource checked the proof (signature, htm, htu, iat, jti, nonce and ath, RFC 9449 §4.3) and that its key is the one the token is bound to (§7.1). The chain is complete.`,
    );
  return stop(
    `${sent} ${response.status}: the resource refused the bound token and its proof. A client would not loop; it stops and says why (RFC 9449 §7.1).`,
  );
}

const TOKEN_HOP = { sender: 'client', receiver: 'authorization-server' } as const;
const RESOURCE_HOP = { sender: 'client', receiver: 'resource-server' } as const;

export async function redeemBound(
  run: ChainRun,
  ctx: SandboxContext,
  client: DpopClient,
  tokenTarget: string,
  first: SandboxRequest,
  resource: string,
  authorized: Authorized,
): Promise<void> {
  const form = formBody([
    ['grant_type', 'authorization_code'],
    ['code', authorized.code],
    ['redirect_uri', PLAYGROUND_REDIRECT_URI],
    ['client_id', authorized.clientId],
    ['code_verifier', authorized.verifier],
    ['resource', resource],
  ]);
  const tokenUrl = `${run.origin}${tokenTarget}`;
  let token: string | undefined;
  let nonce: string | undefined;
  for (const mayRetry of [true, false]) {
    const proof = await proofFor(client, ctx, { htm: 'POST', htu: tokenUrl }, nonce === undefined ? {} : { nonce });
    const request = postRequest(run.origin, tokenTarget, 'application/x-www-form-urlencoded', form);
    const attempt = await run.hop(
      { ...request, headers: [...request.headers, ['DPoP', proof]] },
      {
        ...TOKEN_HOP,
        title: nonce === undefined ? 'Token request with a DPoP proof (RFC 9449 §5)' : 'Token request again, the proof with the server’s nonce (RFC 9449 §8)',
        label: nonce === undefined ? 'POST token + DPoP proof' : 'POST token + proof with nonce',
      },
      (response) => readBoundTokenAnswer(response, proof, client, mayRetry),
    );
    if (attempt === undefined) return;
    if (attempt.kind === 'token') {
      token = attempt.token;
      break;
    }
    nonce = attempt.nonce;
  }
  if (token === undefined) return;
  const resourceUrl = `${run.origin}${first.target}`;
  let resourceNonce: string | undefined;
  for (const mayRetry of [true, false]) {
    const proof = await proofFor(
      client,
      ctx,
      { htm: first.method, htu: resourceUrl },
      { accessToken: token, ...(resourceNonce === undefined ? {} : { nonce: resourceNonce }) },
    );
    const headers = withoutHeader(withoutHeader(first.headers, 'Authorization'), 'DPoP');
    const asked = await run.hop(
      { ...first, headers: [...headers, ['Authorization', `DPoP ${token}`], ['DPoP', proof]] },
      {
        ...RESOURCE_HOP,
        title:
          resourceNonce === undefined
            ? 'The request again, with the bound token and a proof (RFC 9449 §7.1)'
            : 'The request again, the proof with the resource’s nonce (RFC 9449 §9)',
        label: resourceNonce === undefined ? `${first.method} + DPoP token + proof` : `${first.method} + proof with nonce`,
      },
      (response) => readBoundResourceAnswer(response, proof, client, mayRetry),
    );
    if (asked === undefined) return;
    resourceNonce = asked;
  }
}
