// The chain's first three hops, from a 401 to the authorization server's endpoints: the challenge names
// the resource's metadata (RFC 9728 §5.1), that names the authorization server (RFC 9728 §2), and the
// server's own metadata names its endpoints (RFC 8414 §2). Each document is read with lib/oauth's schemas
// and checked as a strict client checks it before anything in it is used.
import { getParam, parseChallenges } from '@/lib/http-auth';
import { authorizationServerMetadataSchema, checkIssuer, checkResourceIdentifier, protectedResourceMetadataSchema } from '@/lib/oauth/metadata';
import { AUTHORIZATION_SERVER_SUFFIX, wellKnownUrl } from '@/lib/oauth/well-known';
import { headerValues, type SandboxRequest, type SandboxResponse } from '../../message';
import { followable, followProblem, pkceProblem, pkceSupport } from './checks';
import { getRequest } from './requests';
import { follow, jsonBody, stop, type ChainRun, type Verdict } from './run-state';

const JSON_ACCEPT: [string, string] = ['Accept', 'application/json'];

/** How the resource wants its token sent: as a Bearer token (RFC 6750), or bound to a key with DPoP proofs (RFC 9449 §7.1). */
export type TokenBinding = 'bearer' | 'dpop';
export type Discovered = { metadataTarget: string; scope: string[]; binding: TokenBinding };

/** Hop 1: the resource's 401 and the resource_metadata its Bearer challenge carries. */
export function readChallenge(response: SandboxResponse, origin: string): Verdict<Discovered> {
  if (response.status >= 200 && response.status < 300)
    return stop(`${response.status}: the request succeeded without a token, so there is nothing to discover.`);
  if (response.status !== 401)
    return stop(`${response.status}: not a 401, so there is no challenge to follow (RFC 9728 §5.1 puts resource_metadata in a 401's WWW-Authenticate).`);
  const parsed = parseChallenges(headerValues(response.headers, 'WWW-Authenticate'));
  if (!parsed.ok) return stop(`The challenge does not parse (${parsed.error.message}), so the client cannot read it.`);
  // Bearer first; a DPoP challenge alone (RFC 9449 §7.1) means the resource takes key-bound tokens only.
  const withMetadata = (scheme: string) =>
    parsed.value.find((challenge) => challenge.scheme.toLowerCase() === scheme && getParam(challenge.params, 'resource_metadata') !== undefined);
  const bearer = withMetadata('bearer') ?? withMetadata('dpop');
  const metadata = bearer && getParam(bearer.params, 'resource_metadata');
  if (!bearer || metadata === undefined)
    return stop(
      'The 401 has no Bearer challenge with resource_metadata, so the client has nowhere to start discovery (RFC 9728 §5.1). Try /api/sandbox/oauth/whoami.',
    );
  const binding: TokenBinding = bearer.scheme.toLowerCase() === 'dpop' ? 'dpop' : 'bearer';
  const check = followable(metadata, origin);
  if (check.kind !== 'follow') return stop(followProblem(check, 'The challenge’s resource_metadata'));
  // RFC 6750 §3: scope in a challenge names what the resource needs; the client asks for exactly that.
  const scope = (getParam(bearer.params, 'scope') ?? '').split(' ').filter(Boolean);
  return follow(
    { metadataTarget: check.target, scope, binding },
    `The 401’s ${binding === 'dpop' ? 'DPoP' : 'Bearer'} challenge names resource_metadata (RFC 9728 §5.1): the client fetches that document to learn which authorization server issues tokens for this resource${scope.length > 0 ? `, and keeps scope="${scope.join(' ')}" to ask for (RFC 6750 §3)` : ''}.${binding === 'dpop' ? ' The only challenge is DPoP, so the resource takes tokens bound to a key the client holds (RFC 9449 §7.1): the client makes an ES256 key pair now and keeps the private half to itself.' : ''}`,
  );
}

/** Hop 2: the protected resource metadata; `resource` is the URL the client requested. */
export function readResourceMetadata(response: SandboxResponse, resource: string, origin: string): Verdict<{ issuer: string; target: string }> {
  if (response.status !== 200) return stop(`${response.status}: the resource metadata is not there, so discovery ends (RFC 9728 §3.2 answers 200).`);
  const metadata = protectedResourceMetadataSchema.safeParse(jsonBody(response));
  if (!metadata.success) return stop('The answer is not RFC 9728 §2 metadata (a JSON object with resource), so the client cannot use it.');
  const identifier = checkResourceIdentifier(metadata.data, resource);
  if (identifier.kind !== 'ok')
    return stop(
      `The metadata is for ${identifier.actual}, not ${identifier.expected}: RFC 9728 §3.3 says the client MUST NOT use it (another resource’s metadata would send its token elsewhere).`,
    );
  const issuer = metadata.data.authorization_servers?.[0];
  const issuerCheck = followable(issuer, origin);
  if (issuerCheck.kind !== 'follow') return stop(followProblem(issuerCheck, 'The authorization server the metadata names'));
  const target = followable(wellKnownUrl(issuer ?? '', AUTHORIZATION_SERVER_SUFFIX), origin);
  if (target.kind !== 'follow') return stop(followProblem(target, 'The authorization server’s metadata URL'));
  return follow(
    { issuer: issuer ?? '', target: target.target },
    `resource is exactly ${resource}, as RFC 9728 §3.3 requires, and authorization_servers names ${issuer} (RFC 9728 §2). Its issuer has a path, so the client puts /.well-known/oauth-authorization-server between the host and that path (RFC 8414 §3.1).`,
  );
}

export type Endpoints = { authorize: string; token: string; register: string };

/** Hop 3: the authorization server metadata, its issuer, PKCE support and endpoints. */
export function readServerMetadata(response: SandboxResponse, issuer: string, origin: string): Verdict<Endpoints> {
  if (response.status !== 200) return stop(`${response.status}: no authorization server metadata here (RFC 8414 §3.2 answers 200).`);
  const parsed = authorizationServerMetadataSchema.safeParse(jsonBody(response));
  if (!parsed.success) return stop('The answer is not RFC 8414 §2 metadata (issuer and response_types_supported are required).');
  const metadata = parsed.data;
  const identifier = checkIssuer(metadata, issuer);
  if (identifier.kind !== 'ok')
    return stop(`The issuer is ${identifier.actual}, not ${identifier.expected}: RFC 8414 §3.3 says the client MUST NOT use this metadata.`);
  const pkce = pkceSupport(metadata);
  if (pkce.kind !== 's256') return stop(pkceProblem(pkce));
  const endpoints: Partial<Endpoints> = {};
  for (const [name, member] of [
    ['register', 'registration_endpoint'],
    ['authorize', 'authorization_endpoint'],
    ['token', 'token_endpoint'],
  ] as const) {
    const check = followable(metadata[member], origin);
    if (check.kind !== 'follow') return stop(followProblem(check, `The metadata’s ${member}`));
    endpoints[name] = check.target;
  }
  return follow(
    endpoints as Endpoints,
    `issuer matches the URL the client derived (RFC 8414 §3.3) and code_challenge_methods_supported lists S256 (RFC 7636 §4.2). There is a registration_endpoint, so the client registers itself first (RFC 7591 §3).`,
  );
}

/** Runs hops 1 to 3 from the reader's first request. */
export async function discover(
  run: ChainRun,
  first: SandboxRequest,
): Promise<(Endpoints & { issuer: string; resource: string; scope: string[]; binding: TokenBinding }) | undefined> {
  const discovered = await run.hop(
    first,
    { sender: 'client', receiver: 'resource-server', title: 'The request, without a token', label: `${first.method} without a token` },
    (response) => readChallenge(response, run.origin),
  );
  if (!discovered) return undefined;
  // RFC 9728 §3.3: after a 401, the metadata's resource must be the URL the client requested.
  const resource = `${run.origin}${first.target}`;
  const server = await run.hop(
    getRequest(run.origin, discovered.metadataTarget, [JSON_ACCEPT]),
    { sender: 'client', receiver: 'resource-server', title: 'Protected resource metadata (RFC 9728 §3)', label: 'GET resource metadata' },
    (response) => readResourceMetadata(response, resource, run.origin),
  );
  if (!server) return undefined;
  const endpoints = await run.hop(
    getRequest(run.origin, server.target, [JSON_ACCEPT]),
    { sender: 'client', receiver: 'authorization-server', title: 'Authorization server metadata (RFC 8414 §3)', label: 'GET server metadata' },
    (response) => readServerMetadata(response, server.issuer, run.origin),
  );
  return endpoints && { ...endpoints, issuer: server.issuer, resource, scope: discovered.scope, binding: discovered.binding };
}
