// The two metadata documents of discovery, as zod schemas that both write the lab's and read anyone's
// (the playground follows another server's chain and explains it). Unknown members are kept and ignored,
// as RFC 9728 §2 and RFC 8414 §2 require of a reader. zod/mini: the playground runs in the browser.
import * as z from '@/lib/zod';

const stringList = z.array(z.string());

/** RFC 9728 §2: OAuth 2.0 Protected Resource Metadata. */
export const protectedResourceMetadataSchema = z.looseObject({
  resource: z.string(),
  authorization_servers: z.optional(stringList),
  jwks_uri: z.optional(z.string()),
  scopes_supported: z.optional(stringList),
  bearer_methods_supported: z.optional(z.array(z.enum(['header', 'body', 'query']))),
  resource_signing_alg_values_supported: z.optional(stringList),
  resource_name: z.optional(z.string()),
  resource_documentation: z.optional(z.string()),
  resource_policy_uri: z.optional(z.string()),
  resource_tos_uri: z.optional(z.string()),
  tls_client_certificate_bound_access_tokens: z.optional(z.boolean()),
  authorization_details_types_supported: z.optional(stringList),
  dpop_signing_alg_values_supported: z.optional(stringList),
  dpop_bound_access_tokens_required: z.optional(z.boolean()),
});
export type ProtectedResourceMetadata = z.infer<typeof protectedResourceMetadataSchema>;

/** RFC 8414 §2: OAuth 2.0 Authorization Server Metadata (with RFC 7636's and RFC 9207's members). */
export const authorizationServerMetadataSchema = z.looseObject({
  issuer: z.string(),
  authorization_endpoint: z.optional(z.string()),
  token_endpoint: z.optional(z.string()),
  jwks_uri: z.optional(z.string()),
  registration_endpoint: z.optional(z.string()),
  scopes_supported: z.optional(stringList),
  response_types_supported: stringList,
  response_modes_supported: z.optional(stringList),
  grant_types_supported: z.optional(stringList),
  token_endpoint_auth_methods_supported: z.optional(stringList),
  token_endpoint_auth_signing_alg_values_supported: z.optional(stringList),
  service_documentation: z.optional(z.string()),
  ui_locales_supported: z.optional(stringList),
  op_policy_uri: z.optional(z.string()),
  op_tos_uri: z.optional(z.string()),
  revocation_endpoint: z.optional(z.string()),
  introspection_endpoint: z.optional(z.string()),
  code_challenge_methods_supported: z.optional(stringList),
  authorization_response_iss_parameter_supported: z.optional(z.boolean()),
  /** OpenID Connect Discovery 1.0 §3; RFC 9470 §4 sends step-up clients to it. */
  acr_values_supported: z.optional(stringList),
  /** RFC 9449 §5.1: the proof algorithms the token endpoint accepts. */
  dpop_signing_alg_values_supported: z.optional(stringList),
});
export type AuthorizationServerMetadata = z.infer<typeof authorizationServerMetadataSchema>;

/** What a client must check before it uses a metadata document it fetched. */
export type MetadataCheck = { kind: 'ok' } | { kind: 'identifier-mismatch'; expected: string; actual: string };

/**
 * RFC 9728 §3.3: the document's `resource` must be identical to the resource identifier the client
 * derived the URL from (or, when it followed a 401's resource_metadata, the URL it requested); else the
 * document MUST NOT be used: another resource's metadata would send the client's token elsewhere.
 */
export function checkResourceIdentifier(metadata: ProtectedResourceMetadata, expected: string): MetadataCheck {
  return metadata.resource === expected ? { kind: 'ok' } : { kind: 'identifier-mismatch', expected, actual: metadata.resource };
}

/** RFC 8414 §3.3: the document's `issuer` must be identical to the issuer the URL was derived from. */
export function checkIssuer(metadata: AuthorizationServerMetadata, expected: string): MetadataCheck {
  return metadata.issuer === expected ? { kind: 'ok' } : { kind: 'identifier-mismatch', expected, actual: metadata.issuer };
}
