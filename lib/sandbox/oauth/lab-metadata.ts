// The lab's own discovery documents, for the origin a request reached (RFC 9728 §3.3 and RFC 8414 §3.3
// compare identifiers character for character, so the documents name exactly the origin a client used).
import type { AuthorizationServerMetadata, ProtectedResourceMetadata } from '@/lib/oauth/metadata';
import { AUTHORIZATION_SERVER_SUFFIX, PROTECTED_RESOURCE_SUFFIX, wellKnownUrl } from '@/lib/oauth/well-known';
import { SANDBOX_PREFIX } from '../routes/paths';
import { LAB_DPOP_ALGS } from './dpop-proof';
import { ACCESS_TOKEN_ALG } from './signing-key';

/** The authorization server's issuer path: an issuer with a path, so the path-insertion rule shows (RFC 8414 §3.1). */
export const OAUTH_PREFIX = `${SANDBOX_PREFIX}/oauth`;
export const AUTHORIZE_PATH = `${OAUTH_PREFIX}/authorize`;
export const OAUTH_TOKEN_PATH = `${OAUTH_PREFIX}/token`;
export const REGISTER_PATH = `${OAUTH_PREFIX}/register`;
export const JWKS_PATH = `${OAUTH_PREFIX}/jwks`;
/** The protected resource the chain ends at: who the token says you are. */
export const WHOAMI_PATH = `${OAUTH_PREFIX}/whoami`;
/** The MCP server (Streamable HTTP transport): a second resource, so a token for one is refused by the other. */
export const MCP_PATH = `${OAUTH_PREFIX}/mcp`;

/** A money transfer: it needs a recent sign-in with a second factor, so a plain token is sent back to step up (RFC 9470). */
export const TRANSFER_PATH = `${OAUTH_PREFIX}/transfer`;

export const LAB_SCOPES = ['whoami', 'mcp:tools', 'transfer'] as const;
export type LabScope = (typeof LAB_SCOPES)[number];

/**
 * The authentication context classes the lab's sign-in can reach (RFC 9470 §2, the `acr` claim): a password
 * alone, or a password and a one-time code. Plain words rather than URIs, so a learner reads them at a glance.
 */
export const LAB_ACRS = ['password', 'mfa'] as const;
export type LabAcr = (typeof LAB_ACRS)[number];

/** What a step-up resource needs of the sign-in behind a token (RFC 9470 §3: acr_values and max_age). */
export type StepUpPolicy = { acr: LabAcr; maxAgeSeconds: number };

/** How a resource takes DPoP (RFC 9449 §7): alongside Bearer or alone, and whether it wants its own nonce (§9). */
export type DpopPolicy = { only: boolean; nonce: boolean };

/** A resource the lab's authorization server issues tokens for, the scope it asks for, and any step-up it needs. */
export type LabResource = { path: string; scope: LabScope; name: string; stepUp?: StepUpPolicy; dpop?: DpopPolicy };
export const WHOAMI_RESOURCE: LabResource = { path: WHOAMI_PATH, scope: 'whoami', name: 'HTTP Auth Lab: who am I' };
export const MCP_RESOURCE: LabResource = { path: MCP_PATH, scope: 'mcp:tools', name: 'HTTP Auth Lab MCP server' };
/** Two minutes: shorter than a token's five, so a token can be valid and its sign-in still too old. */
export const TRANSFER_RESOURCE: LabResource = {
  path: TRANSFER_PATH,
  scope: 'transfer',
  name: 'HTTP Auth Lab: a transfer that needs a fresh, two-factor sign-in',
  stepUp: { acr: 'mfa', maxAgeSeconds: 120 },
};
/** Who the token speaks for, for DPoP-bound tokens only, with the resource's own nonce: every refusal RFC 9449 §7 and §9 describe. */
export const DPOP_PATH = `${OAUTH_PREFIX}/dpop`;
export const DPOP_RESOURCE: LabResource = {
  path: DPOP_PATH,
  scope: 'whoami',
  name: 'HTTP Auth Lab: who am I, for DPoP-bound tokens only',
  dpop: { only: true, nonce: true },
};
/** Who the token speaks for, to a Bearer token or a DPoP one: both challenges at once (RFC 9449 §7.2). */
export const BEARER_OR_DPOP_PATH = `${OAUTH_PREFIX}/bearer-or-dpop`;
export const BEARER_OR_DPOP_RESOURCE: LabResource = {
  path: BEARER_OR_DPOP_PATH,
  scope: 'whoami',
  name: 'HTTP Auth Lab: who am I, to Bearer or DPoP tokens',
  dpop: { only: false, nonce: false },
};
export const LAB_RESOURCES: readonly LabResource[] = [WHOAMI_RESOURCE, MCP_RESOURCE, TRANSFER_RESOURCE, DPOP_RESOURCE, BEARER_OR_DPOP_RESOURCE];

export const issuerFor = (origin: string) => `${origin}${OAUTH_PREFIX}`;
export const resourceFor = (origin: string, path: string = WHOAMI_PATH) => `${origin}${path}`;

/** RFC 8414 §2, served at wellKnownUrl(issuer, AUTHORIZATION_SERVER_SUFFIX). */
export function labAuthorizationServerMetadata(origin: string): AuthorizationServerMetadata {
  return {
    issuer: issuerFor(origin),
    authorization_endpoint: `${origin}${AUTHORIZE_PATH}`,
    token_endpoint: `${origin}${OAUTH_TOKEN_PATH}`,
    registration_endpoint: `${origin}${REGISTER_PATH}`,
    jwks_uri: `${origin}${JWKS_PATH}`,
    scopes_supported: [...LAB_SCOPES],
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
    // RFC 7636 §4.3 / RFC 8414 §2: S256 only, which is what the MCP specification requires a client to find.
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
    // OpenID Connect Discovery 1.0 §3's field, which RFC 9470 §4 points clients to for the values they may ask for.
    acr_values_supported: [...LAB_ACRS],
    // RFC 9449 §5.1: the token endpoint binds tokens to keys proved with these algorithms.
    dpop_signing_alg_values_supported: [...LAB_DPOP_ALGS],
    service_documentation: `${origin}/api`,
  };
}

/**
 * RFC 9728 §2 for a resource of the lab, served at wellKnownUrl(resource, PROTECTED_RESOURCE_SUFFIX).
 * scopes_supported names only this resource's scope: it is what a client asks for to reach it (§2), and
 * MCP clients take it as the scope to request when the 401 names none.
 */
export function labProtectedResourceMetadata(origin: string, resource: LabResource = WHOAMI_RESOURCE): ProtectedResourceMetadata {
  return {
    resource: resourceFor(origin, resource.path),
    authorization_servers: [issuerFor(origin)],
    jwks_uri: `${origin}${JWKS_PATH}`,
    scopes_supported: [resource.scope],
    bearer_methods_supported: ['header'],
    resource_signing_alg_values_supported: [ACCESS_TOKEN_ALG],
    resource_name: resource.name,
    // RFC 9728 §2 with RFC 9449: which proof algorithms the resource takes, and whether it takes DPoP tokens only.
    ...(resource.dpop ? { dpop_signing_alg_values_supported: [...LAB_DPOP_ALGS], dpop_bound_access_tokens_required: resource.dpop.only } : {}),
    resource_documentation: `${origin}/api`,
  };
}

/** Where a client finds each document (RFC 9728 §3.1, RFC 8414 §3.1). */
export const labMetadataUrls = (origin: string, path: string = WHOAMI_PATH) => ({
  protectedResource: wellKnownUrl(resourceFor(origin, path), PROTECTED_RESOURCE_SUFFIX),
  authorizationServer: wellKnownUrl(issuerFor(origin), AUTHORIZATION_SERVER_SUFFIX),
});
