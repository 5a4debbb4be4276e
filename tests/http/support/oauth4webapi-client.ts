// What the oauth4webapi tests share: discovery from a lab resource (RFC 9728, then RFC 8414) and the
// registration of a public client (RFC 7591), done the library's way.
import * as oauth from 'oauth4webapi';
import { baseUrl } from './lab';

/** The test server speaks http on loopback, which oauth4webapi refuses unless told. */
export const insecure = { [oauth.allowInsecureRequests]: true } as const;

/** Discovers the authorization server of the lab resource at `path` and registers a public client there. */
export async function discoverAndRegister(path: string, redirectUri: string, clientName: string) {
  const resource = new URL(path, baseUrl());
  const rs = await oauth.processResourceDiscoveryResponse(resource, await oauth.resourceDiscoveryRequest(resource, insecure));
  const issuer = new URL(rs.authorization_servers?.[0] ?? '');
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  const registered = await oauth.dynamicClientRegistrationRequest(
    as,
    { redirect_uris: [redirectUri], client_name: clientName, token_endpoint_auth_method: 'none' },
    insecure,
  );
  const client = (await oauth.processDynamicClientRegistrationResponse(registered)) as oauth.Client;
  return { resource, rs, as, client };
}

/** An authorization request (RFC 6749 §4.1.1) with S256 PKCE and a resource; `extra` adds or replaces parameters. */
export async function authorizationUrl(
  as: oauth.AuthorizationServer,
  client: oauth.Client,
  request: { redirectUri: string; scope: string; resource: URL; state: string; verifier: string },
  extra: Record<string, string> = {},
): Promise<URL> {
  const url = new URL(as.authorization_endpoint ?? '');
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.client_id,
    redirect_uri: request.redirectUri,
    scope: request.scope,
    state: request.state,
    resource: request.resource.href,
    code_challenge: await oauth.calculatePKCECodeChallenge(request.verifier),
    code_challenge_method: 'S256',
    ...extra,
  }).toString();
  return url;
}
