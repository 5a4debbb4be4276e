/** @jest-environment node */
import { authorizationServerMetadataSchema, checkIssuer, checkResourceIdentifier, protectedResourceMetadataSchema } from '@/lib/oauth/metadata';
import { AUTHORIZATION_SERVER_SUFFIX, identifierFor, PROTECTED_RESOURCE_SUFFIX } from '@/lib/oauth/well-known';
import { labAuthorizationServerMetadata, labMetadataUrls, labProtectedResourceMetadata } from '@/lib/sandbox/oauth/lab-metadata';

const ORIGIN = 'http://127.0.0.1:3000';

describe('the lab’s discovery documents', () => {
  test('the chain a client follows fits together: each document is found where its identifier says, and names the next', () => {
    const urls = labMetadataUrls(ORIGIN);
    expect(urls.protectedResource).toBe('http://127.0.0.1:3000/.well-known/oauth-protected-resource/api/sandbox/oauth/whoami');
    // An issuer with a path: the suffix goes before it (RFC 8414 §3.1).
    expect(urls.authorizationServer).toBe('http://127.0.0.1:3000/.well-known/oauth-authorization-server/api/sandbox/oauth');
    const resource = protectedResourceMetadataSchema.parse(labProtectedResourceMetadata(ORIGIN));
    expect(checkResourceIdentifier(resource, identifierFor(urls.protectedResource, PROTECTED_RESOURCE_SUFFIX) ?? '')).toEqual({ kind: 'ok' });
    const issuer = resource.authorization_servers?.[0] ?? '';
    expect(identifierFor(urls.authorizationServer, AUTHORIZATION_SERVER_SUFFIX)).toBe(issuer);
    const server = authorizationServerMetadataSchema.parse(labAuthorizationServerMetadata(ORIGIN));
    expect(checkIssuer(server, issuer)).toEqual({ kind: 'ok' });
  });

  test('the server offers what the MCP specification looks for: S256, registration, the code flow only', () => {
    const server = labAuthorizationServerMetadata('https://lab.example');
    expect(server.code_challenge_methods_supported).toEqual(['S256']);
    expect(server.registration_endpoint).toBe('https://lab.example/api/sandbox/oauth/register');
    expect(server.response_types_supported).toEqual(['code']);
    expect(server.grant_types_supported).toEqual(['authorization_code']);
    expect(server.authorization_response_iss_parameter_supported).toBe(true);
  });
});
